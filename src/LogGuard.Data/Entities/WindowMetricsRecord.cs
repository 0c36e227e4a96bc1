using LogGuard.Core.Monitoring;

namespace LogGuard.Data.Entities;

/// <summary>One monitor run: the window, every signal with its baseline, statistic and verdict, and the run's severity.</summary>
public sealed class WindowMetricsRecord
{
    public long Id { get; set; }

    public DateTime RunAt { get; set; }

    public DateTime WindowStart { get; set; }

    public DateTime WindowEnd { get; set; }

    public long PredictionCount { get; set; }

    public long? BaselineId { get; set; }

    public required string Severity { get; set; }

    /// <summary>JSON array of signal results.</summary>
    public required string Signals { get; set; }

    public required SystemState StateBefore { get; set; }

    public required SystemState StateAfter { get; set; }

    /// <summary>The instance that ran it (host and process), so operators of several instances can tell.</summary>
    public string? RunBy { get; set; }
}
