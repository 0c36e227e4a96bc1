namespace LogGuard.Core.Monitoring;

/// <summary>
/// Aggregated statistics of a set of predictions: a window, or a baseline. Only aggregates: no line,
/// so a summary can be stored and every verdict recomputed from it.
/// </summary>
public sealed record TrafficSummary
{
    public required long Count { get; init; }

    public required double MeanConfidence { get; init; }

    public required double ConfidenceStdDev { get; init; }

    public required long LowConfidenceCount { get; init; }

    public required long PositiveCount { get; init; }

    /// <summary>Lines the model scored (it may not have, when it was not loaded).</summary>
    public required long ModelScoredCount { get; init; }

    /// <summary>The model said normal while the rules said suspicious.</summary>
    public required long ModelNormalRulesSuspicious { get; init; }

    /// <summary>The model said suspicious while the rules said normal.</summary>
    public required long ModelSuspiciousRulesNormal { get; init; }

    public required long TokenCount { get; init; }

    public required long OutOfVocabularyCount { get; init; }

    /// <summary>Line counts per length bucket (<see cref="LengthBuckets.UpperBounds"/>).</summary>
    public required IReadOnlyList<long> LengthHistogram { get; init; }

    /// <summary>Relative frequencies of the most common tokens, plus <c>&lt;oov&gt;</c> and <c>&lt;other&gt;</c>.</summary>
    public required IReadOnlyDictionary<string, double> TokenFrequencies { get; init; }

    public required IReadOnlyDictionary<string, long> SourceCounts { get; init; }

    public required IReadOnlyDictionary<string, long> FormatCounts { get; init; }

    public required long AcceptedRequests { get; init; }

    public required long RejectedRequests { get; init; }

    /// <summary>Predictions a person has labelled. Counted when the monitor runs: labels come after the verdicts.</summary>
    public long LabelledCount { get; init; }

    /// <summary>Labelled predictions whose verdict differs from the person's label.</summary>
    public long LabelledErrorCount { get; init; }

    public double PositiveRate => Rate(PositiveCount, Count);

    public double LowConfidenceRate => Rate(LowConfidenceCount, Count);

    public double OutOfVocabularyRate => Rate(OutOfVocabularyCount, TokenCount);

    public double RejectionRate => Rate(RejectedRequests, AcceptedRequests + RejectedRequests);

    public double LabelledErrorRate => Rate(LabelledErrorCount, LabelledCount);

    public static double Rate(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

    public TrafficSummary WithLabels((long Labelled, long Errors) labels) => this with { LabelledCount = labels.Labelled, LabelledErrorCount = labels.Errors };
}

/// <summary>Fixed line-length buckets, so that baseline and window histograms compare bucket by bucket.</summary>
public static class LengthBuckets
{
    /// <summary>Inclusive upper bounds; the last bucket takes everything longer.</summary>
    public static readonly int[] UpperBounds = [16, 32, 48, 64, 96, 128, 160, 192, 256, 320, 384, 512, 768, 1024, 2048, 4096, int.MaxValue];

    public static int Of(int length)
    {
        for (var i = 0; i < UpperBounds.Length; i++)
        {
            if (length <= UpperBounds[i])
            {
                return i;
            }
        }

        return UpperBounds.Length - 1;
    }
}
