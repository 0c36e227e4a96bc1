using LogGuard.Core.Detection.Rules;

namespace LogGuard.Core.Detection.Hybrid;

/// <summary>
/// The decision table of the README, in code. Rules decide alone on a red flag or in fallback, and a rule score
/// that stands cannot be overruled; otherwise the model decides, and where it is unsure the two are blended.
/// </summary>
public sealed class HybridDecider(HybridOptions options)
{
    /// <param name="modelProbability">Null when the model could not score the line.</param>
    /// <param name="fallback">True when the system state forbids the model to decide (DEGRADED).</param>
    /// <param name="words">The line's words as the model reads them, and how many of them training never saw.</param>
    public Verdict Decide(RuleEvaluation rules, double? modelProbability, bool fallback, (int Total, int Unseen) words = default)
    {
        var disagree = modelProbability is { } p && StronglyDisagree(rules.Score, p);

        if (rules.MaxWeight >= options.RedFlagMinWeight)
        {
            return Make(true, rules.Score, DecisionSource.Rules, fallbackUsed: false, disagree);
        }

        if (modelProbability is null || fallback)
        {
            return Make(rules.Score >= options.RuleThreshold, rules.Score, DecisionSource.Rules, fallbackUsed: true, disagree);
        }

        // A probability for a line unlike anything in training is a guess that looks like an answer: the rules decide,
        // and nobody is asked to review what no detector has a view on.
        if (IsUnfamiliar(words))
        {
            return Make(rules.Score >= options.RuleThreshold, rules.Score, DecisionSource.Rules, fallbackUsed: false, needsReview: false) with { ModelUnfamiliar = true };
        }

        var probability = modelProbability.Value;

        // Rules this sure stand against a model that disagrees: on log formats it has not been trained on, a
        // calibrated model is confidently wrong far more often than a rule this heavy fires on a benign line.
        if (rules.Score >= options.RuleStandsFrom)
        {
            return probability >= options.ModelThreshold
                ? Make(true, Math.Max(rules.Score, probability), DecisionSource.Hybrid, fallbackUsed: false, needsReview: false)
                : Make(true, rules.Score, DecisionSource.Rules, fallbackUsed: false, disagree);
        }

        if (probability >= options.UncertainLow && probability <= options.UncertainHigh)
        {
            var blended = (options.BlendModelWeight * probability) + ((1 - options.BlendModelWeight) * rules.Score);
            return Make(blended >= options.ModelThreshold, blended, DecisionSource.Hybrid, fallbackUsed: false, needsReview: true);
        }

        return Make(probability >= options.ModelThreshold, probability, DecisionSource.Model, fallbackUsed: false, disagree);
    }

    private bool IsUnfamiliar((int Total, int Unseen) words) =>
        words.Total >= options.UnfamiliarMinWords && options.UnfamiliarWordShare < 1
        && words.Unseen >= options.UnfamiliarWordShare * words.Total;

    private bool StronglyDisagree(double ruleScore, double probability) =>
        (ruleScore >= options.RuleThreshold) != (probability >= options.ModelThreshold)
        && Math.Abs(ruleScore - probability) >= options.DisagreementGap;

    private Verdict Make(bool suspicious, double score, DecisionSource source, bool fallbackUsed, bool needsReview)
    {
        var rounded = Math.Round(score, 4);
        return new Verdict(suspicious, rounded, Math.Round(Math.Abs((2 * rounded) - 1), 4), source, fallbackUsed, needsReview, SeverityOf(suspicious, rounded));
    }

    private AlertSeverity SeverityOf(bool suspicious, double score) => !suspicious ? AlertSeverity.None
        : score >= options.CriticalSeverityFrom ? AlertSeverity.Critical
        : score >= options.HighSeverityFrom ? AlertSeverity.High
        : score >= options.MediumSeverityFrom ? AlertSeverity.Medium
        : AlertSeverity.Low;
}
