using System.ComponentModel.DataAnnotations;

namespace LogGuard.Core.Monitoring;

/// <summary>The self-monitor's settings (section <c>Monitoring</c>); the README lists each with its default.</summary>
public sealed class MonitoringOptions : IValidatableObject
{
    public const string SectionName = "Monitoring";

    /// <summary>Run the monitor at all (tests that do not need it switch it off).</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 86_400)]
    public int IntervalSeconds { get; set; } = 60;

    /// <summary>A window ends this long before its run, so that rows still in the audit queue fall in the next window, not in none.</summary>
    [Range(0, 60_000)]
    public int SettleMilliseconds { get; set; } = 1000;

    /// <summary>The first this-many predictions of a model version become its frozen baseline.</summary>
    [Range(100, 10_000_000)]
    public int BaselineSize { get; set; } = 5000;

    /// <summary>A window with fewer predictions is INSUFFICIENT_DATA: nothing fires, the counters hold.</summary>
    [Range(10, 10_000_000)]
    public int MinSamples { get; set; } = 200;

    [Range(1, 100)]
    public int WarnAfter { get; set; } = 2;

    [Range(1, 100)]
    public int CriticalAfter { get; set; } = 3;

    [Range(1, 100)]
    public int RecoverAfter { get; set; } = 3;

    [Range(0, 86_400)]
    public int MinFallbackSeconds { get; set; } = 600;

    [Range(1, 1000)]
    public int MaxFallbacksPerDay { get; set; } = 3;

    /// <summary>Family-wise significance level; each signal is tested at Alpha divided by the number of signals.</summary>
    [Range(1e-9, 0.5)]
    public double Alpha { get; set; } = 0.01;

    /// <summary>Out of NORMAL, a signal counts as healthy again only below this share of its warning threshold (hysteresis).</summary>
    [Range(0.0, 1.0)]
    public double ExitThresholdFactor { get; set; } = 0.5;

    /// <summary>A confidence below this is "low".</summary>
    [Range(0.0, 1.0)]
    public double LowConfidence { get; set; } = 0.5;

    [Range(0.0, 1.0)]
    public double ConfidenceDropWarning { get; set; } = 0.03;

    [Range(0.0, 1.0)]
    public double ConfidenceDropCritical { get; set; } = 0.06;

    /// <summary>Rates (positive, low-confidence, disagreement, OOV, out-of-range, unseen) must move at least this much, absolutely.</summary>
    [Range(0.0, 1.0)]
    public double RateChangeWarning { get; set; } = 0.05;

    [Range(0.0, 1.0)]
    public double RateChangeCritical { get; set; } = 0.10;

    /// <summary>The positive rate must also change by at least this factor (up or down).</summary>
    [Range(1.0, 100.0)]
    public double PositiveRateRatioWarning { get; set; } = 1.5;

    [Range(1.0, 100.0)]
    public double PositiveRateRatioCritical { get; set; } = 2.0;

    /// <summary>Jensen–Shannon distance of the token distribution, on top of what sampling noise explains for the window's size.</summary>
    [Range(0.0, 1.0)]
    public double TokenDistanceWarning { get; set; } = 0.15;

    [Range(0.0, 1.0)]
    public double TokenDistanceCritical { get; set; } = 0.30;

    /// <summary>Kolmogorov–Smirnov distance of the line-length distribution.</summary>
    [Range(0.0, 1.0)]
    public double LengthDistanceWarning { get; set; } = 0.15;

    [Range(0.0, 1.0)]
    public double LengthDistanceCritical { get; set; } = 0.30;

    /// <summary>The labelled error rate is judged only when the window and the baseline each hold this many labelled predictions.</summary>
    [Range(1, 1_000_000)]
    public int MinLabels { get; set; } = 30;

    /// <summary>Share of labelled predictions the service got wrong, above the baseline's share.</summary>
    [Range(0.0, 1.0)]
    public double LabelledErrorWarning { get; set; } = 0.10;

    [Range(0.0, 1.0)]
    public double LabelledErrorCritical { get; set; } = 0.20;

    /// <summary>At most this many of a window's lines are read for the token distribution (the other signals use all).</summary>
    [Range(100, 1_000_000)]
    public int TokenSampleSize { get; set; } = 2000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ConfidenceDropCritical < ConfidenceDropWarning || RateChangeCritical < RateChangeWarning
            || TokenDistanceCritical < TokenDistanceWarning || LengthDistanceCritical < LengthDistanceWarning
            || PositiveRateRatioCritical < PositiveRateRatioWarning || LabelledErrorCritical < LabelledErrorWarning)
        {
            yield return new ValidationResult("Every critical threshold must be at least its warning threshold.");
        }
    }
}
