using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Rules;

namespace LogGuard.Core.Tests.Hybrid;

public sealed class HybridDeciderTests
{
    private static readonly HybridDecider Decider = new(new HybridOptions());

    private static RuleEvaluation Rules(params double[] weights) =>
        weights.Length == 0
            ? RuleEvaluation.None
            : new RuleEvaluation(
                1 - weights.Aggregate(1.0, (rest, weight) => rest * (1 - weight)),
                [.. weights.Select((weight, i) => new TriggeredRule($"R{i}", "d", "c", weight))]);

    // The README's decision table, row by row.
    [Theory]
    // rules | model p | fallback || label | decided by | fallback used | needs review
    [InlineData(new[] { 0.95 }, 0.02, false, true, DecisionSource.Rules, false, true)] // red flag beats a confident model, flagged for review
    [InlineData(new[] { 0.95 }, 0.90, false, true, DecisionSource.Rules, false, false)] // red flag, model agrees
    [InlineData(new double[0], 0.97, false, true, DecisionSource.Model, false, true)] // model alone, no rule: strong disagreement
    [InlineData(new[] { 0.75 }, 0.97, false, true, DecisionSource.Hybrid, false, false)] // model and rules agree
    [InlineData(new[] { 0.75 }, 0.02, false, true, DecisionSource.Rules, false, true)] // rules stand against a confident model, flagged for review
    [InlineData(new[] { 0.55 }, 0.30, false, true, DecisionSource.Rules, false, false)] // rules stand against an unsure model
    [InlineData(new double[0], 0.03, false, false, DecisionSource.Model, false, false)] // clear normal
    [InlineData(new[] { 0.45 }, 0.60, false, true, DecisionSource.Hybrid, false, true)] // unsure model, rules tip it: (0.6+0.45)/2 = 0.525
    [InlineData(new double[0], 0.60, false, false, DecisionSource.Hybrid, false, true)] // unsure model, no rule: 0.3
    [InlineData(new[] { 0.75 }, 0.02, true, true, DecisionSource.Rules, true, true)] // fallback: rules decide, model only in shadow
    [InlineData(new[] { 0.35 }, 0.70, true, false, DecisionSource.Rules, true, false)] // fallback: weak rule is not enough
    [InlineData(new[] { 0.35 }, 0.99, true, false, DecisionSource.Rules, true, true)] // fallback: the shadow model disagrees strongly
    public void Decide_DecisionTableRow_GivesTheDocumentedVerdict(
        double[] weights, double probability, bool fallback, bool suspicious, DecisionSource decidedBy, bool fallbackUsed, bool needsReview)
    {
        var verdict = Decider.Decide(Rules(weights), probability, fallback);

        verdict.Suspicious.Should().Be(suspicious);
        verdict.DecidedBy.Should().Be(decidedBy);
        verdict.FallbackUsed.Should().Be(fallbackUsed);
        verdict.NeedsReview.Should().Be(needsReview);
    }

    [Fact]
    public void Decide_MostWordsNeverSeenInTraining_RulesDecideWithoutAskingForReview()
    {
        var verdict = Decider.Decide(Rules(0.6), 0.45, fallback: false, words: (10, 6));

        verdict.ModelUnfamiliar.Should().BeTrue();
        verdict.DecidedBy.Should().Be(DecisionSource.Rules);
        verdict.Suspicious.Should().BeTrue("the rule score 0.6 is above RuleThreshold");
        verdict.Score.Should().Be(0.6);
        verdict.NeedsReview.Should().BeFalse();
    }

    [Theory]
    [InlineData(10, 4)] // most words known
    [InlineData(3, 3)] // too short to judge
    public void Decide_FamiliarOrShortLine_TheModelDecidesAsUsual(int total, int unseen)
    {
        var verdict = Decider.Decide(Rules(), 0.45, fallback: false, words: (total, unseen));

        verdict.ModelUnfamiliar.Should().BeFalse();
        verdict.DecidedBy.Should().Be(DecisionSource.Hybrid);
        verdict.NeedsReview.Should().BeTrue();
    }

    [Fact]
    public void Decide_RedFlagOnAnUnfamiliarLine_IsStillARedFlag() =>
        Decider.Decide(Rules(0.95), 0.2, fallback: false, words: (10, 10)).Should().Match<Verdict>(verdict => verdict.Suspicious && !verdict.ModelUnfamiliar);

    [Theory]
    [InlineData(0.03, AlertSeverity.None)]
    [InlineData(0.66, AlertSeverity.Low)]
    [InlineData(0.70, AlertSeverity.Medium)]
    [InlineData(0.85, AlertSeverity.High)]
    [InlineData(0.95, AlertSeverity.Critical)]
    public void Decide_ModelScore_FallsInTheConfiguredSeverityBand(double probability, AlertSeverity severity) =>
        Decider.Decide(Rules(), probability, fallback: false).Severity.Should().Be(severity);

    [Fact]
    public void Decide_CustomBands_AreHonoured()
    {
        var decider = new HybridDecider(new HybridOptions { MediumSeverityFrom = 0.6, HighSeverityFrom = 0.7, CriticalSeverityFrom = 0.99 });

        decider.Decide(Rules(), 0.97, fallback: false).Severity.Should().Be(AlertSeverity.High);
    }

    [Fact]
    public void Decide_RulesThatStandTurnedOff_TheConfidentModelOverrulesThem()
    {
        var decider = new HybridDecider(new HybridOptions { RuleStandsFrom = 1 });

        decider.Decide(Rules(0.75), 0.02, fallback: false).Should().Match<Verdict>(verdict => !verdict.Suspicious && verdict.DecidedBy == DecisionSource.Model);
    }

    [Fact]
    public void Decide_RulesAndModelAgree_TheHigherScoreSetsTheSeverity() =>
        Decider.Decide(Rules(0.6), 0.97, fallback: false).Should().Match<Verdict>(verdict => verdict.Score == 0.97 && verdict.Severity == AlertSeverity.Critical);

    [Fact]
    public void Decide_NoModel_RulesDecideAndSayFallback()
    {
        var verdict = Decider.Decide(Rules(0.75), modelProbability: null, fallback: false);

        verdict.Should().BeEquivalentTo(new { Suspicious = true, DecidedBy = DecisionSource.Rules, FallbackUsed = true, Score = 0.75 });
    }

    [Theory]
    [InlineData(0.97, 0.94)]
    [InlineData(0.2, 0.6)]
    [InlineData(0.1, 0.8)]
    public void Decide_Confidence_IsDistanceFromACoinToss(double probability, double confidence) =>
        Decider.Decide(RuleEvaluation.None, probability, fallback: false).Confidence.Should().BeApproximately(confidence, 1e-9);

    [Fact]
    public void Options_BandNotContainingThreshold_IsInvalid()
    {
        var options = new HybridOptions { UncertainLow = 0.6, UncertainHigh = 0.7, ModelThreshold = 0.5 };

        options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Should().NotBeEmpty();
    }
}
