namespace LogGuard.Core.Detection.Hybrid;

/// <summary>The hybrid decision on one line.</summary>
/// <param name="Score">The probability of "suspicious" that the decision used.</param>
/// <param name="ModelUnfamiliar">True when the model did not decide because the line is unlike anything it was trained on.</param>
/// <param name="Confidence">How sure the decision is: |2·score − 1|, 0 at a coin toss, 1 when certain.</param>
public sealed record Verdict(
    bool Suspicious,
    double Score,
    double Confidence,
    DecisionSource DecidedBy,
    bool FallbackUsed,
    bool NeedsReview,
    AlertSeverity Severity,
    bool ModelUnfamiliar = false)
{
    public string Label => Suspicious ? "suspicious" : "normal";
}
