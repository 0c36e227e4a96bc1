using LogGuard.Core.Detection;
using LogGuard.Core.Detection.Model;

namespace LogGuard.Training.Evaluation;

/// <summary>Summarises the verdicts on held-out lines the way the monitor summarises a window, so a baseline can start from them.</summary>
public static class HeldOutStatisticsCalculator
{
    public const double LowConfidence = 0.5;
    public const int TopTokens = 50;

    public static readonly double[] LengthQuantiles = [0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

    public static HeldOutStatistics Compute(IReadOnlyList<LineAnalysis> analyses, IReadOnlyList<string> modelTexts)
    {
        var lengths = analyses.Select(analysis => (double)analysis.Length).Order().ToArray();
        var tokenCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        long totalTokens = 0;
        foreach (var text in modelTexts)
        {
            foreach (var token in Core.Detection.Preprocessing.ModelText.Tokens(text))
            {
                tokenCounts[token] = tokenCounts.GetValueOrDefault(token) + 1;
                totalTokens++;
            }
        }

        var top = tokenCounts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(TopTokens)
            .ToDictionary(pair => pair.Key, pair => Math.Round(pair.Value / (double)totalTokens, 6), StringComparer.Ordinal);
        top["<other>"] = Math.Round(1 - top.Values.Sum(), 6);

        return new HeldOutStatistics(
            analyses.Count,
            Math.Round(analyses.Average(analysis => analysis.Verdict.Suspicious ? 1.0 : 0.0), 6),
            Math.Round(analyses.Average(analysis => analysis.Verdict.Confidence), 6),
            Math.Round(analyses.Average(analysis => analysis.Verdict.Confidence < LowConfidence ? 1.0 : 0.0), 6),
            Math.Round(analyses.Sum(analysis => (double)analysis.OutOfVocabularyCount) / Math.Max(1, analyses.Sum(analysis => analysis.TokenCount)), 6),
            [.. LengthQuantiles.Select(q => Quantile(lengths, q))],
            top);
    }

    private static double Quantile(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))];
}
