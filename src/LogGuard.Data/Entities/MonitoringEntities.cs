namespace LogGuard.Data.Entities;

/// <summary>A frozen baseline: the aggregated statistics of a model version's first predictions (or of its held-out set).</summary>
public sealed class BaselineRecord
{
    public long Id { get; set; }

    public required string ModelVersion { get; set; }

    public DateTime CreatedAt { get; set; }

    public long SampleSize { get; set; }

    public DateTime PeriodStart { get; set; }

    public DateTime PeriodEnd { get; set; }

    /// <summary><c>traffic</c> (first predictions, or a chosen period) or <c>training</c> (held-out statistics).</summary>
    public required string Origin { get; set; }

    public double MeanConfidence { get; set; }

    public double LowConfidenceRate { get; set; }

    public double PositiveRate { get; set; }

    public double OutOfVocabularyRate { get; set; }

    /// <summary>The full <c>TrafficSummary</c> as JSON: histograms, frequencies, disagreement and rejection counts.</summary>
    public required string Summary { get; set; }
}

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

    public required string StateBefore { get; set; }

    public required string StateAfter { get; set; }
}

/// <summary>A change of system state, by the monitor or an operator.</summary>
public sealed class StateTransitionRecord
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public required string FromState { get; set; }

    public required string ToState { get; set; }

    public required string Reason { get; set; }

    /// <summary><c>monitor</c> or <c>operator</c>.</summary>
    public required string Trigger { get; set; }

    public bool IsRecovery { get; set; }

    public long? WindowMetricsId { get; set; }
}

public sealed class IncidentRecord
{
    public long Id { get; set; }

    public DateTime DetectedAt { get; set; }

    public required string Severity { get; set; }

    /// <summary>JSON array of the signals that were not NORMAL when the incident opened or escalated.</summary>
    public required string TriggerSignals { get; set; }

    public required string DecisionReason { get; set; }

    public bool FallbackActivated { get; set; }

    public bool Resolved { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public DateTime? AcknowledgedAt { get; set; }
}

public sealed class IncidentExplanationRecord
{
    public long Id { get; set; }

    public long IncidentId { get; set; }

    public DateTime GeneratedAt { get; set; }

    public required string Summary { get; set; }

    public required string Recommendations { get; set; }

    public required string Explainer { get; set; }
}
