namespace LogGuard.Api.Observability;

/// <summary>The Prometheus endpoint (section <c>Metrics</c>).</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Serves GET /metrics in the Prometheus text format; off, the instruments still run for other listeners.</summary>
    public bool Enabled { get; set; } = true;
}
