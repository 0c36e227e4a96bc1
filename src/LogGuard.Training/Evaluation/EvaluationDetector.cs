using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Evaluation;

namespace LogGuard.Training.Evaluation;

/// <summary>One of the detectors compared: how it reads a line's verdict, or null when it did not score the line.</summary>
public sealed record EvaluationDetector(string Name, Func<EvaluatedLine, ScoredOutcome?> Outcome)
{
    public const string Rules = "rules";
    public const string Model = "model";
    public const string Challenger = "challenger";
    public const string Hybrid = "hybrid";

    /// <summary>The rules and each model alone, at the thresholds the service uses, and the hybrid decision itself.</summary>
    public static IReadOnlyList<EvaluationDetector> All(HybridOptions options) =>
    [
        new(Rules, line => new ScoredOutcome(line.Input.Suspicious, line.Analysis.Rules.Score >= options.RuleThreshold, line.Analysis.Rules.Score)),
        new(Model, line => Probability(line, line.Analysis.ModelProbability, options)),
        new(Challenger, line => Probability(line, line.ChallengerProbability, options)),
        new(Hybrid, line => new ScoredOutcome(line.Input.Suspicious, line.Analysis.Verdict.Suspicious, line.Analysis.Verdict.Score)),
    ];

    private static ScoredOutcome? Probability(EvaluatedLine line, double? probability, HybridOptions options) =>
        probability is { } p ? new ScoredOutcome(line.Input.Suspicious, p >= options.ModelThreshold, p) : null;
}
