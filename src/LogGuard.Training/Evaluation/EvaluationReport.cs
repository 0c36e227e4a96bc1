using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Evaluation;

namespace LogGuard.Training.Evaluation;

/// <summary>One detector over the file: its metrics, its outcome on every line it scored, and where it fails.</summary>
public sealed record DetectorResult(string Name, ClassificationMetrics Metrics, IReadOnlyList<ScoredOutcome?> Outcomes, IReadOnlyList<SliceResult> Slices);

/// <summary>How often one rule fired, and on what: its precision over the lines it fired on, its recall over all suspicious lines.</summary>
public sealed record RuleResult(string Id, string Category, double Weight, Proportion Precision, Proportion Recall, int FiredOnNormal);

/// <summary>A line on which the rules and the model disagreed and one of them was right.</summary>
public sealed record Disagreement(EvaluatedLine Line, string RightDetector, double ModelConfidence);

/// <summary>Everything the evaluate command writes, computed once from the evaluated lines.</summary>
public sealed record EvaluationReport(
    IReadOnlyList<EvaluatedLine> Lines,
    IReadOnlyList<DetectorResult> Detectors,
    IReadOnlyDictionary<string, Reliability> Calibration,
    IReadOnlyList<RuleResult> Rules,
    IReadOnlyList<Disagreement> Disagreements,
    IReadOnlyList<string> ExtraColumns)
{
    public static EvaluationReport Build(IReadOnlyList<EvaluatedLine> lines, IReadOnlyList<string> extraColumns, HybridOptions hybrid, SliceOptions sliceOptions)
    {
        var dimensions = new SliceDimensions(lines, extraColumns);
        var finder = new SliceFinder(sliceOptions);
        var detectors = new List<DetectorResult>();
        foreach (var detector in EvaluationDetector.All(hybrid))
        {
            var outcomes = lines.Select(detector.Outcome).ToList();
            var scored = Enumerable.Range(0, lines.Count).Where(i => outcomes[i] is not null).ToList();
            if (scored.Count == 0)
            {
                continue;
            }

            var slices = finder.Find([.. scored.Select(i => outcomes[i]!.Value)], index => dimensions.Of(scored[index]));
            detectors.Add(new DetectorResult(detector.Name, ClassificationMetricsCalculator.Compute([.. scored.Select(i => outcomes[i]!.Value)]), outcomes, slices));
        }

        var calibration = detectors
            .Where(detector => detector.Name != EvaluationDetector.Rules)
            .ToDictionary(
                detector => detector.Name,
                detector => Reliability.Of([.. detector.Outcomes.OfType<ScoredOutcome>().Select(outcome => (outcome.Score, outcome.Actual))]),
                StringComparer.Ordinal);

        return new EvaluationReport(lines, detectors, calibration, RuleResults(lines), FindDisagreements(lines, hybrid), extraColumns);
    }

    public DetectorResult? Detector(string name) => Detectors.FirstOrDefault(detector => detector.Name == name);

    /// <summary>Every rule that fired on <paramref name="lines"/>, least precise first.</summary>
    public static List<RuleResult> RuleResults(IReadOnlyList<EvaluatedLine> lines)
    {
        var suspicious = lines.Count(line => line.Input.Suspicious);
        return [.. lines
            .SelectMany(line => line.Analysis.Rules.Triggered.Select(rule => (Rule: rule, line.Input.Suspicious)))
            .GroupBy(fired => fired.Rule.Id, StringComparer.Ordinal)
            .Select(group =>
            {
                var rule = group.First().Rule;
                var hits = group.Count(fired => fired.Suspicious);
                return new RuleResult(rule.Id, rule.Category, rule.Weight, Proportion.Of(hits, group.Count()), Proportion.Of(hits, suspicious), group.Count() - hits);
            })
            .OrderBy(rule => rule.Precision.Rate)
            .ThenBy(rule => rule.Id, StringComparer.Ordinal)];
    }

    // Rules and model gave different labels and exactly one was right; the model's confidence orders the catalogue.
    private static List<Disagreement> FindDisagreements(IReadOnlyList<EvaluatedLine> lines, HybridOptions hybrid) =>
    [.. lines
        .Where(line => line.Analysis.ModelProbability is not null)
        .Select(line =>
        {
            var rulesSay = line.Analysis.Rules.Score >= hybrid.RuleThreshold;
            var modelSays = line.Analysis.ModelProbability!.Value >= hybrid.ModelThreshold;
            var confidence = Math.Abs((2 * line.Analysis.ModelProbability.Value) - 1);
            return rulesSay == modelSays ? null
                : new Disagreement(line, rulesSay == line.Input.Suspicious ? EvaluationDetector.Rules : EvaluationDetector.Model, Math.Round(confidence, 4));
        })
        .OfType<Disagreement>()
        .OrderByDescending(disagreement => disagreement.ModelConfidence)];
}
