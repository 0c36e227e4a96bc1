using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Model;

namespace LogGuard.Core.Evaluation;

/// <summary>A verdict the service gave and a person labelled: what each detector said, and the truth.</summary>
/// <param name="ModelProbability">Null when no model scored the line.</param>
/// <param name="Slices">The groups the line belongs to (source, format, ...), one value per dimension.</param>
public sealed record LabelledVerdict(bool Actual, double RuleScore, double? ModelProbability, bool HybridSuspicious, double HybridScore, IReadOnlyList<SliceKey> Slices)
{
    /// <summary>The challenger's probability, when one scored the line in shadow.</summary>
    public double? ChallengerProbability { get; init; }
}

/// <summary>How one detector did on labelled live traffic, with Wilson intervals, and where it does worst.</summary>
public sealed record DetectorQuality(
    string Detector,
    int Count,
    ConfusionCounts Confusion,
    Proportion Precision,
    Proportion Recall,
    double F1,
    Proportion FalsePositiveRate,
    IReadOnlyList<SliceResult> Slices);

/// <summary>
/// Scores each detector against people's labels exactly as the service decided: the rules alone at
/// <see cref="HybridOptions.RuleThreshold"/>, the model alone at <see cref="HybridOptions.ModelThreshold"/>, and the
/// hybrid verdict that was returned. The slices and hotspots come from the same finder as the evaluate command's.
/// </summary>
public static class LiveQuality
{
    public const string Rules = "rules";
    public const string Model = "model";
    public const string Hybrid = "hybrid";
    public const string Challenger = "challenger";

    public static IReadOnlyList<DetectorQuality> Compute(IReadOnlyList<LabelledVerdict> verdicts, HybridOptions hybrid, SliceOptions sliceOptions)
    {
        var finder = new SliceFinder(sliceOptions);
        var detectors = new (string Name, Func<LabelledVerdict, ScoredOutcome?> Outcome)[]
        {
            (Rules, verdict => new ScoredOutcome(verdict.Actual, verdict.RuleScore >= hybrid.RuleThreshold, verdict.RuleScore)),
            (Model, verdict => verdict.ModelProbability is { } p ? new ScoredOutcome(verdict.Actual, p >= hybrid.ModelThreshold, p) : null),
            (Hybrid, verdict => new ScoredOutcome(verdict.Actual, verdict.HybridSuspicious, verdict.HybridScore)),
            (Challenger, verdict => verdict.ChallengerProbability is { } p ? new ScoredOutcome(verdict.Actual, p >= hybrid.ModelThreshold, p) : null),
        };

        var results = new List<DetectorQuality>();
        foreach (var (name, outcomeOf) in detectors)
        {
            var scored = verdicts.Select(verdict => (Verdict: verdict, Outcome: outcomeOf(verdict)))
                .Where(pair => pair.Outcome is not null)
                .Select(pair => (pair.Verdict, Outcome: pair.Outcome!.Value))
                .ToList();
            var outcomes = scored.Select(pair => pair.Outcome).ToList();
            if (name == Challenger && outcomes.Count == 0)
            {
                continue; // no challenger scored in shadow
            }

            var c = ClassificationMetricsCalculator.Compute(outcomes).Confusion;
            var precision = Proportion.Of(c.TruePositive, c.TruePositive + c.FalsePositive);
            var recall = Proportion.Of(c.TruePositive, c.TruePositive + c.FalseNegative);
            results.Add(new DetectorQuality(
                name,
                scored.Count,
                c,
                precision,
                recall,
                precision.Total == 0 || recall.Total == 0 || precision.Rate + recall.Rate == 0 ? 0 : 2 * precision.Rate * recall.Rate / (precision.Rate + recall.Rate),
                Proportion.Of(c.FalsePositive, c.FalsePositive + c.TrueNegative),
                scored.Count == 0 ? [] : finder.Find(outcomes, i => scored[i].Verdict.Slices)));
        }

        return results;
    }
}
