using LogGuard.Core.Monitoring;
using LogGuard.Core.Monitoring.Signals;

namespace LogGuard.Core.Tests.Monitoring;

public sealed class SignalEvaluatorTests
{
    private static readonly MonitoringOptions Options = new();
    private static readonly TrafficSummary Baseline = SummaryBuilder.Healthy();

    private static SignalResult Signal(TrafficSummary window, string name, bool recovering = false) =>
        SignalEvaluator.Evaluate(window, Baseline, Options, recovering).Single(signal => signal.Name == name);

    [Fact]
    public void Evaluate_SameTraffic_EverySignalNormal()
    {
        var signals = SignalEvaluator.Evaluate(SummaryBuilder.Healthy(1000), Baseline, Options, recovering: false);

        signals.Should().HaveCount(SignalEvaluator.SignalCount).And.OnlyContain(signal => signal.Verdict == Severity.Normal);
        SignalEvaluator.RunSeverity(signals).Should().Be(Severity.Normal);
    }

    [Fact]
    public void Evaluate_WindowBelowMinSamples_IsInsufficientData()
    {
        var tiny = SummaryBuilder.Healthy(Options.MinSamples - 1) with { PositiveCount = Options.MinSamples - 1 };

        var signals = SignalEvaluator.Evaluate(tiny, Baseline, Options, recovering: false);

        signals.Should().OnlyContain(signal => signal.Verdict == Severity.InsufficientData);
        SignalEvaluator.RunSeverity(signals).Should().Be(Severity.InsufficientData);
    }

    [Theory]
    [InlineData(0.86, Severity.Warning)] // drop 0.04
    [InlineData(0.80, Severity.Critical)] // drop 0.10
    [InlineData(0.89, Severity.Normal)] // drop 0.01: significant on 1000 lines, but below the effect floor
    public void ConfidenceMean_DropThresholds(double mean, Severity expected) =>
        Signal(SummaryBuilder.Healthy(1000) with { MeanConfidence = mean }, "confidence_mean").Verdict.Should().Be(expected);

    [Fact]
    public void LowConfidenceRate_NeverCritical()
    {
        var window = SummaryBuilder.Healthy(1000) with { LowConfidenceCount = 600 };

        Signal(window, "low_confidence_rate").Verdict.Should().Be(Severity.Warning);
    }

    [Theory]
    [InlineData(350, Severity.Critical)] // 10% -> 35%: +0.25, ratio 3.5
    [InlineData(170, Severity.Warning)] // 10% -> 17%: +0.07, ratio 1.7
    [InlineData(130, Severity.Normal)] // 10% -> 13%: ratio 1.3, below the ratio floor
    public void PositiveRate_NeedsChangeAndRatio(long positives, Severity expected) =>
        Signal(SummaryBuilder.Healthy(1000) with { PositiveCount = positives }, "positive_rate").Verdict.Should().Be(expected);

    [Fact]
    public void PositiveRate_SmallCounts_UseFishersTest()
    {
        var window = SummaryBuilder.Healthy(Options.MinSamples) with { PositiveCount = 0 };

        var signal = Signal(window, "positive_rate");

        signal.Statistic.Should().BeNegative("Fisher's statistic is the log-probability of the observed table");
        signal.Verdict.Should().Be(Severity.Critical, "a suspicious rate falling from 10% to none is drift too");
    }

    [Fact]
    public void Disagreement_ModelMissesWhatRulesFlag_IsCritical()
    {
        var window = SummaryBuilder.Healthy(1000) with { ModelNormalRulesSuspicious = 200 };

        Signal(window, "disagreement_model_normal_rules_suspicious").Verdict.Should().Be(Severity.Critical);
    }

    [Fact]
    public void InputDrift_NewVocabularyAndFormat_FireTheirSignals()
    {
        var window = SummaryBuilder.Healthy(1000) with
        {
            OutOfVocabularyCount = 8000, // 40% of 20,000 tokens against 5%
            TokenFrequencies = new Dictionary<string, double> { ["<oov>"] = 0.4, ["<other>"] = 0.6 },
            LengthHistogram = SummaryBuilder.Histogram(1000, 12),
            SourceCounts = new Dictionary<string, long> { ["new-app"] = 1000 },
            FormatCounts = new Dictionary<string, long> { ["json"] = 1000 },
        };

        var signals = SignalEvaluator.Evaluate(window, Baseline, Options, recovering: false).ToDictionary(signal => signal.Name);

        signals["oov_rate"].Verdict.Should().Be(Severity.Critical);
        signals["token_distribution"].Verdict.Should().Be(Severity.Critical);
        signals["line_length_distribution"].Verdict.Should().Be(Severity.Critical);
        signals["line_length_out_of_range"].Verdict.Should().Be(Severity.Critical);
        signals["unseen_sources_or_formats"].Verdict.Should().Be(Severity.Critical);
    }

    [Fact]
    public void RejectionRate_SurgeOfBadRequests_Fires()
    {
        var window = SummaryBuilder.Healthy(1000) with { AcceptedRequests = 100, RejectedRequests = 100 };

        Signal(window, "rejection_rate").Verdict.Should().Be(Severity.Critical);
    }

    [Fact]
    public void Hysteresis_SmallerEffectStillDeviatesWhileRecovering()
    {
        // +0.035 OOV: under the 0.05 entry threshold, over the 0.025 exit threshold.
        var window = SummaryBuilder.Healthy(1000) with { OutOfVocabularyCount = 1700 };

        Signal(window, "oov_rate").Verdict.Should().Be(Severity.Normal);
        Signal(window, "oov_rate", recovering: true).Verdict.Should().Be(Severity.Warning);
    }

    [Fact]
    public void Evaluate_BaselineWithoutSomeFigures_ThoseSignalsCannotFire()
    {
        // A baseline seeded from training statistics: no disagreement, source, format or length figures.
        var seeded = SummaryBuilder.Healthy() with
        {
            ModelScoredCount = 0,
            ModelNormalRulesSuspicious = 0,
            ModelSuspiciousRulesNormal = 0,
            SourceCounts = new Dictionary<string, long>(),
            FormatCounts = new Dictionary<string, long>(),
            LengthHistogram = new long[LengthBuckets.UpperBounds.Length],
            TokenCount = 0,
            OutOfVocabularyCount = 0,
        };

        var signals = SignalEvaluator.Evaluate(SummaryBuilder.Healthy(1000), seeded, Options, recovering: false);

        signals.Should().OnlyContain(signal => signal.Verdict == Severity.Normal);
    }

    [Fact]
    public void Evaluate_SignalsCarryWhatReproducesTheirVerdict()
    {
        var signal = Signal(SummaryBuilder.Healthy(1000) with { PositiveCount = 350 }, "positive_rate");

        signal.Should().BeEquivalentTo(new { Value = 0.35, Baseline = 0.1, WarningThreshold = Options.RateChangeWarning, CriticalThreshold = Options.RateChangeCritical });
        signal.PValue.Should().BeLessThan(Options.Alpha / SignalEvaluator.SignalCount);
    }

    [Theory]
    [InlineData(60, 6, Severity.Normal)]     // 10% wrong, as in the baseline
    [InlineData(60, 17, Severity.Warning)]   // 28%: 18 points worse
    [InlineData(60, 24, Severity.Critical)]  // 40%: 30 points worse
    [InlineData(20, 12, Severity.InsufficientData)] // fewer labels than MinLabels, however bad they look
    public void LabelledErrorRate_AgainstTheBaselinesLabelledRate(long labelled, long errors, Severity expected)
    {
        var baseline = Baseline with { LabelledCount = 400, LabelledErrorCount = 40 };
        var window = SummaryBuilder.Healthy(1000) with { LabelledCount = labelled, LabelledErrorCount = errors };

        var signal = SignalEvaluator.Evaluate(window, baseline, Options, recovering: false).Single(signal => signal.Name == "labelled_error_rate");

        signal.Verdict.Should().Be(expected);
        signal.Baseline.Should().BeApproximately(0.1, 1e-9);
    }

    [Fact]
    public void LabelledErrorRate_WithoutLabelsInTheBaseline_CannotFire()
    {
        var window = SummaryBuilder.Healthy(1000) with { LabelledCount = 100, LabelledErrorCount = 90 };

        Signal(window, "labelled_error_rate").Verdict.Should().Be(Severity.Normal);
    }
}
