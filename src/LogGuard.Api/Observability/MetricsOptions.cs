using System.ComponentModel.DataAnnotations;

namespace LogGuard.Api.Observability;

/// <summary>The Prometheus endpoint (section <c>Metrics</c>).</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Serves GET /metrics in the Prometheus text format; off, the instruments still run for other listeners.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Label combinations kept per metric (OpenTelemetry's cardinality limit); measurements beyond them are added
    /// to one series labelled <c>otel_metric_overflow</c>, so totals stay right.
    /// </summary>
    /// <remarks>
    /// Every metric reserves room for its limit when first measured. OpenTelemetry's default of 2,000 cost about
    /// 7 MB over the 40-odd metrics exported here, whose largest (HTTP requests by route and status) holds a few dozen.
    /// </remarks>
    [Range(10, 100_000)]
    public int MaxSeriesPerMetric { get; set; } = 200;
}
