namespace LogGuard.Core.Detection.Rules;

/// <summary>The rule engine's verdict on one line.</summary>
/// <param name="Score">The combined weight of the triggered rules (noisy-or), in [0, 1].</param>
public sealed record RuleEvaluation(double Score, IReadOnlyList<TriggeredRule> Triggered)
{
    public static readonly RuleEvaluation None = new(0, []);

    public double MaxWeight => Triggered.Count == 0 ? 0 : Triggered.Max(rule => rule.Weight);
}
