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
