using LogGuard.Core.Monitoring;

namespace LogGuard.Core.Tests.Monitoring;

/// <summary>Summaries for signal tests: a healthy default, changed one property at a time.</summary>
public static class SummaryBuilder
{
    public static TrafficSummary Healthy(long count = 5000) => new()
    {
        Count = count,
        MeanConfidence = 0.90,
        ConfidenceStdDev = 0.15,
        LowConfidenceCount = count / 20,
        PositiveCount = count / 10,
        ModelScoredCount = count,
        ModelNormalRulesSuspicious = count / 100,
        ModelSuspiciousRulesNormal = count / 50,
        TokenCount = count * 20,
        OutOfVocabularyCount = count,
        LengthHistogram = Histogram(count, 6),
        TokenFrequencies = new Dictionary<string, double> { ["info"] = 0.3, ["user"] = 0.2, ["<oov>"] = 0.05, ["<other>"] = 0.45 },
        SourceCounts = new Dictionary<string, long> { ["web"] = count },
        FormatCounts = new Dictionary<string, long> { ["web_access"] = count },
        AcceptedRequests = count / 10,
        RejectedRequests = 0,
    };

    public static long[] Histogram(long count, int bucket)
    {
        var histogram = new long[LengthBuckets.UpperBounds.Length];
        histogram[bucket] = count / 2;
        histogram[bucket + 1] = count - (count / 2);
        return histogram;
    }
}
