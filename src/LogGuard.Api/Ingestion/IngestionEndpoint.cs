namespace LogGuard.Api.Ingestion;

/// <summary>Marks a route that takes log lines: its requests may carry an <c>Idempotency-Key</c>, and are timed and counted.</summary>
internal sealed class IngestionEndpoint;
