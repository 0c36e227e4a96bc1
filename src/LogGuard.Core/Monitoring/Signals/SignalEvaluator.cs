using LogGuard.Core.Monitoring.Statistics;

namespace LogGuard.Core.Monitoring.Signals;

/// <summary>
/// Compares a window with the baseline, signal by signal. A signal fires only when its test is significant
/// (at Alpha divided by the number of signals) AND its effect passes the threshold AND the window has enough
/// predictions: significance alone would fire on trivia in large windows, effect alone on noise in small ones.
/// </summary>
public static class SignalEvaluator
{
    public const int SignalCount = 12;

    /// <param name="recovering">True out of NORMAL: a signal is healthy only below the lower exit threshold (hysteresis).</param>
    public static IReadOnlyList<SignalResult> Evaluate(TrafficSummary window, TrafficSummary baseline, MonitoringOptions options, bool recovering)
    {
        var context = new Context(window, baseline, options, recovering);
        return
        [
            ConfidenceMean(context),
            context.Rate("low_confidence_rate", window.LowConfidenceCount, window.Count, baseline.LowConfidenceCount, baseline.Count, canBeCritical: false),
            PositiveRate(context),
            context.Disagreement("disagreement_model_normal_rules_suspicious", window.ModelNormalRulesSuspicious, baseline.ModelNormalRulesSuspicious),
            context.Disagreement("disagreement_model_suspicious_rules_normal", window.ModelSuspiciousRulesNormal, baseline.ModelSuspiciousRulesNormal),
            baseline.TokenCount == 0
                ? context.NotComparable("oov_rate", window.OutOfVocabularyRate)
                : context.Rate("oov_rate", window.OutOfVocabularyCount, window.TokenCount, baseline.OutOfVocabularyCount, baseline.TokenCount, canBeCritical: true),
            TokenDistance(context),
            LengthDistance(context),
            LengthOutOfRange(context),
            context.Rate("rejection_rate", window.RejectedRequests, window.AcceptedRequests + window.RejectedRequests, baseline.RejectedRequests, baseline.AcceptedRequests + baseline.RejectedRequests, canBeCritical: true),
            UnseenSourcesOrFormats(context),
            LabelledErrorRate(context),
        ];
    }

    /// <summary>The worst verdict of a run; INSUFFICIENT_DATA when no signal had enough data.</summary>
    public static Severity RunSeverity(IReadOnlyList<SignalResult> signals) =>
        signals.All(signal => signal.Verdict == Severity.InsufficientData)
            ? Severity.InsufficientData
            : signals.Max(signal => signal.Verdict);

    private static SignalResult ConfidenceMean(Context c)
    {
        var test = SignificanceTests.MeanZ(c.Window.MeanConfidence, (int)Math.Min(int.MaxValue, c.Window.Count), c.Baseline.MeanConfidence, c.Baseline.ConfidenceStdDev);
        var drop = c.Baseline.MeanConfidence - c.Window.MeanConfidence;
        return c.Judge("confidence_mean", c.Window.MeanConfidence, c.Baseline.MeanConfidence, test, drop, c.Options.ConfidenceDropWarning, c.Options.ConfidenceDropCritical, canBeCritical: true);
    }

    private static SignalResult PositiveRate(Context c)
    {
        var (w, b) = (c.Window, c.Baseline);
        var expectedSmall = Math.Min(Math.Min(w.PositiveCount, w.Count - w.PositiveCount), Math.Min(b.PositiveCount, b.Count - b.PositiveCount)) < 5;
        var test = expectedSmall
            ? SignificanceTests.FisherExact(w.PositiveCount, w.Count - w.PositiveCount, b.PositiveCount, b.Count - b.PositiveCount)
            : SignificanceTests.TwoProportionZ(w.PositiveCount, w.Count, b.PositiveCount, b.Count);
        var change = Math.Abs(w.PositiveRate - b.PositiveRate);
        var ratio = Ratio(w.PositiveRate, b.PositiveRate);

        // Both floors must hold: the absolute change, and the ratio of the rates.
        var effect = ratio >= c.Options.PositiveRateRatioCritical ? change
            : ratio >= c.Options.PositiveRateRatioWarning ? Math.Min(change, c.Options.RateChangeCritical * 0.999)
            : Math.Min(change, c.Options.RateChangeWarning * (c.Recovering ? c.Options.ExitThresholdFactor : 1) * 0.999);
        return c.Judge("positive_rate", w.PositiveRate, b.PositiveRate, test, effect, c.Options.RateChangeWarning, c.Options.RateChangeCritical, canBeCritical: true);
    }

    private static SignalResult TokenDistance(Context c)
    {
        var buckets = c.Baseline.TokenFrequencies.Keys.Order(StringComparer.Ordinal).ToList();
        var baseline = buckets.Select(bucket => c.Baseline.TokenFrequencies[bucket]).ToList();
        var window = buckets.Select(bucket => c.Window.TokenFrequencies.GetValueOrDefault(bucket)).ToList();
        var unmatched = c.Window.TokenFrequencies.Where(pair => !c.Baseline.TokenFrequencies.ContainsKey(pair.Key)).Sum(pair => pair.Value);
        var other = buckets.IndexOf("<other>");
        if (other >= 0)
        {
            window[other] += unmatched;
        }

        var distance = SignificanceTests.JensenShannonDistance(window, baseline);

        // What sampling alone would give for a window of this many tokens, so small windows do not fire on noise.
        var sampled = Math.Max(1, Math.Min(c.Window.TokenCount, (long)c.Options.TokenSampleSize * 20));
        var noise = Math.Sqrt(buckets.Count / (double)sampled);
        var effect = Math.Max(0, distance - noise);
        return c.Judge("token_distribution", distance, 0, new TestResult(distance, effect > 0 ? 0 : 1), effect, c.Options.TokenDistanceWarning, c.Options.TokenDistanceCritical, canBeCritical: true);
    }

    private static SignalResult LengthDistance(Context c)
    {
        var test = SignificanceTests.KolmogorovSmirnov(c.Window.LengthHistogram, c.Baseline.LengthHistogram);
        return c.Judge("line_length_distribution", test.Statistic, 0, test, test.Statistic, c.Options.LengthDistanceWarning, c.Options.LengthDistanceCritical, canBeCritical: true);
    }

    private static SignalResult LengthOutOfRange(Context c)
    {
        var (low, high) = UsualRange(c.Baseline.LengthHistogram);
        var windowOutside = OutsideRange(c.Window.LengthHistogram, low, high);
        var baselineOutside = OutsideRange(c.Baseline.LengthHistogram, low, high);
        var baselineRate = Math.Max(TrafficSummary.Rate(baselineOutside, c.Baseline.Count), 0.001);
        var test = SignificanceTests.Binomial(windowOutside, c.Window.Count, baselineRate);
        var rate = TrafficSummary.Rate(windowOutside, c.Window.Count);
        return c.Judge("line_length_out_of_range", rate, baselineRate, test, rate - baselineRate, c.Options.RateChangeWarning, c.Options.RateChangeCritical, canBeCritical: true);
    }

    private static SignalResult UnseenSourcesOrFormats(Context c)
    {
        if (c.Baseline.SourceCounts.Count == 0 && c.Baseline.FormatCounts.Count == 0)
        {
            return c.NotComparable("unseen_sources_or_formats", 0);
        }

        var unseen = c.Window.SourceCounts.Where(pair => !c.Baseline.SourceCounts.ContainsKey(pair.Key)).Sum(pair => pair.Value)
            + c.Window.FormatCounts.Where(pair => !c.Baseline.FormatCounts.ContainsKey(pair.Key)).Sum(pair => pair.Value);
        var rate = Math.Min(1, TrafficSummary.Rate(unseen, c.Window.Count));
        var test = SignificanceTests.Binomial(Math.Min(unseen, c.Window.Count), c.Window.Count, 0.001);
        return c.Judge("unseen_sources_or_formats", rate, 0, test, rate, c.Options.RateChangeWarning, c.Options.RateChangeCritical * 2, canBeCritical: true);
    }

    // The one signal that measures being wrong rather than being different. Labels are few and come late, so it
    // waits for enough of them on both sides instead of judging the window's size.
    private static SignalResult LabelledErrorRate(Context c)
    {
        const string Name = "labelled_error_rate";
        var (w, b) = (c.Window, c.Baseline);
        if (b.LabelledCount < c.Options.MinLabels)
        {
            return c.NotComparable(Name, w.LabelledErrorRate);
        }

        var test = SignificanceTests.TwoProportionZ(w.LabelledErrorCount, w.LabelledCount, b.LabelledErrorCount, b.LabelledCount);
        var result = c.Judge(Name, w.LabelledErrorRate, b.LabelledErrorRate, test, w.LabelledErrorRate - b.LabelledErrorRate, c.Options.LabelledErrorWarning, c.Options.LabelledErrorCritical, canBeCritical: true);
        return w.LabelledCount < c.Options.MinLabels ? result with { Verdict = Severity.InsufficientData } : result;
    }

    private static double Ratio(double a, double b)
    {
        const double Floor = 1e-3;
        var (x, y) = (Math.Max(a, Floor), Math.Max(b, Floor));
        return Math.Max(x / y, y / x);
    }

    private static double[] Cumulative(IReadOnlyList<long> histogram)
    {
        var total = (double)Math.Max(1, histogram.Sum());
        var running = 0L;
        return [.. histogram.Select(count => (running += count) / total)];
    }

    // The buckets holding the middle 99% of the baseline's lines.
    private static (int Low, int High) UsualRange(IReadOnlyList<long> histogram)
    {
        var cumulative = Cumulative(histogram);
        var low = Array.FindIndex(cumulative, value => value >= 0.005);
        var high = Array.FindIndex(cumulative, value => value >= 0.995);
        return (Math.Max(0, low), high < 0 ? histogram.Count - 1 : high);
    }

    private static long OutsideRange(IReadOnlyList<long> histogram, int low, int high) =>
        histogram.Select((count, bucket) => bucket < low || bucket > high ? count : 0).Sum();

    private sealed record Context(TrafficSummary Window, TrafficSummary Baseline, MonitoringOptions Options, bool Recovering)
    {
        private double CorrectedAlpha => Options.Alpha / SignalCount;

        public SignalResult Rate(string name, long count, long total, long baselineCount, long baselineTotal, bool canBeCritical)
        {
            var test = SignificanceTests.TwoProportionZ(count, total, baselineCount, baselineTotal);
            var value = TrafficSummary.Rate(count, total);
            var baseline = TrafficSummary.Rate(baselineCount, baselineTotal);
            return Judge(name, value, baseline, test, value - baseline, Options.RateChangeWarning, Options.RateChangeCritical, canBeCritical);
        }

        public SignalResult Disagreement(string name, long count, long baselineCount)
        {
            if (Baseline.ModelScoredCount == 0)
            {
                return NotComparable(name, TrafficSummary.Rate(count, Window.ModelScoredCount));
            }

            var baselineRate = TrafficSummary.Rate(baselineCount, Baseline.ModelScoredCount);
            var test = SignificanceTests.Binomial(count, Window.ModelScoredCount, Math.Clamp(baselineRate, 1e-4, 1 - 1e-4));
            var rate = TrafficSummary.Rate(count, Window.ModelScoredCount);
            return Judge(name, rate, baselineRate, test, rate - baselineRate, Options.RateChangeWarning, Options.RateChangeCritical, canBeCritical: true);
        }

        /// <summary>A baseline seeded from training holds no figure for some signals: they cannot fire against nothing.</summary>
        public SignalResult NotComparable(string name, double value) =>
            Judge(name, value, 0, new TestResult(0, 1), 0, 1, 1, canBeCritical: false);

        public SignalResult Judge(string name, double value, double baseline, TestResult test, double effect, double warning, double critical, bool canBeCritical)
        {
            Severity verdict;
            if (Window.Count < Options.MinSamples)
            {
                verdict = Severity.InsufficientData;
            }
            else
            {
                var significant = test.PValue < CorrectedAlpha;
                var warnAt = Recovering ? warning * Options.ExitThresholdFactor : warning;
                verdict = !significant || effect < warnAt ? Severity.Normal
                    : canBeCritical && effect >= critical ? Severity.Critical
                    : Severity.Warning;
            }

            return new SignalResult(name, Round(value), Round(baseline), Round(test.Statistic), test.PValue, Round(effect), warning, critical, canBeCritical, verdict);
        }

        private static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 6) : 0;
    }
}
