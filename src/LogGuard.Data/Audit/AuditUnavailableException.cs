namespace LogGuard.Data.Audit;

/// <summary>The verdicts could not be stored (queue full, store failing, shutting down): the client must retry.</summary>
public sealed class AuditUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
