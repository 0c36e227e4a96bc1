using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace LogGuard.Core.Detection.Model;

/// <summary>What a candidate must prove before it replaces the active model (section <c>Promotion</c>).</summary>
public sealed class PromotionOptions
{
    public const string SectionName = "Promotion";

    /// <summary>The candidate's held-out F1 must beat the active model's by at least this much.</summary>
    [Range(0.0, 1.0)]
    public double MinF1Gain { get; set; } = 0.005;

    /// <summary>With at least this many labelled live predictions, the candidate must also not be worse on them.</summary>
    [Range(1, 10_000_000)]
    public int MinLiveLabels { get; set; } = 100;

    /// <summary>How often each instance looks for a promotion another instance made.</summary>
    [Range(1, 3600)]
    public int FollowSeconds { get; set; } = 2;
}

/// <summary>A model's figures on the same lines as another's: the held-out split, or labelled live traffic.</summary>
public sealed record ModelFigures(int Count, double F1, double FalsePositiveRate)
{
    public static ModelFigures? Of(ClassificationMetrics? metrics) =>
        metrics is null ? null : new ModelFigures(metrics.Count, Math.Round(metrics.F1, 4), Math.Round(metrics.FalsePositiveRate, 4));
}

/// <param name="CandidateLive">Null when too few live labels exist to compare on.</param>
public sealed record PromotionEvidence(
    CanaryResult? Canary,
    ModelFigures? CandidateHeldOut,
    ModelFigures? ActiveHeldOut,
    ModelFigures? CandidateLive,
    ModelFigures? ActiveLive,
    int LiveLabels);

public sealed record PromotionDecision(bool Accepted, IReadOnlyList<string> Checks);

/// <summary>
/// Decides a promotion: the candidate must pass the canary, beat the active model's held-out F1 by a margin
/// without a worse false-positive rate, and, when enough people's labels exist, be no worse on them.
/// </summary>
public static class PromotionGate
{
    public static PromotionDecision Decide(PromotionEvidence evidence, PromotionOptions options)
    {
        var checks = new List<string>();
        var accepted = true;

        void Check(bool passed, string description)
        {
            accepted &= passed;
            checks.Add((passed ? "passed: " : "failed: ") + description);
        }

        if (evidence.Canary is { } canary)
        {
            Check(canary.Passed, "canary, " + canary.Describe());
        }
        else
        {
            Check(false, "canary: the candidate has no recorded golden-set accuracy to be held to");
        }

        if (evidence is { CandidateHeldOut: { } candidate, ActiveHeldOut: { } active })
        {
            Check(candidate.F1 >= active.F1 + options.MinF1Gain, Format($"held-out F1 {candidate.F1:0.0000} against {active.F1:0.0000}, margin {options.MinF1Gain:0.0000}"));
            Check(candidate.FalsePositiveRate <= active.FalsePositiveRate, Format($"held-out false-positive rate {candidate.FalsePositiveRate:0.0000} against {active.FalsePositiveRate:0.0000}"));
        }
        else
        {
            Check(false, "held-out figures: missing for the candidate or the active model");
        }

        if (evidence is { CandidateLive: { } candidateLive, ActiveLive: { } activeLive })
        {
            Check(candidateLive.F1 >= activeLive.F1, Format($"F1 on {evidence.LiveLabels} labelled live lines {candidateLive.F1:0.0000} against {activeLive.F1:0.0000}"));
            Check(candidateLive.FalsePositiveRate <= activeLive.FalsePositiveRate, Format($"live false-positive rate {candidateLive.FalsePositiveRate:0.0000} against {activeLive.FalsePositiveRate:0.0000}"));
        }
        else
        {
            checks.Add(Format($"skipped: live comparison, {evidence.LiveLabels} labelled live lines of the {options.MinLiveLabels} it needs"));
        }

        return new PromotionDecision(accepted, checks);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
