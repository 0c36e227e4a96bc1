using System.ComponentModel.DataAnnotations;

namespace LogGuard.Core.Detection.Hybrid;

/// <summary>Thresholds of the hybrid decision (section <c>Hybrid</c>); the README's decision table uses these names.</summary>
public sealed class HybridOptions : IValidatableObject
{
    public const string SectionName = "Hybrid";

    /// <summary>A rule at least this heavy is a red flag: it decides alone.</summary>
    [Range(0.0, 1.0)]
    public double RedFlagMinWeight { get; set; } = 0.9;

    /// <summary>The model calls a line suspicious from this probability up.</summary>
    [Range(0.0, 1.0)]
    public double ModelThreshold { get; set; } = 0.5;

    /// <summary>Rules alone (fallback) call a line suspicious from this rule score up.</summary>
    [Range(0.0, 1.0)]
    public double RuleThreshold { get; set; } = 0.5;

    /// <summary>
    /// A rule score at least this high calls a line suspicious whatever the model says; the model can still add
    /// lines the rules miss. 1 turns this off, leaving every line below a red flag to the model.
    /// </summary>
    [Range(0.0, 1.0)]
    public double RuleStandsFrom { get; set; } = 0.5;

    /// <summary>Model probabilities in [UncertainLow, UncertainHigh] are too unsure to decide alone.</summary>
    [Range(0.0, 1.0)]
    public double UncertainLow { get; set; } = 0.35;

    [Range(0.0, 1.0)]
    public double UncertainHigh { get; set; } = 0.65;

    /// <summary>In the uncertainty band, the blended score gives the model this share and the rules the rest.</summary>
    [Range(0.0, 1.0)]
    public double BlendModelWeight { get; set; } = 0.5;

    /// <summary>Rules and model disagree strongly when their labels differ and their scores are this far apart.</summary>
    [Range(0.0, 1.0)]
    public double DisagreementGap { get; set; } = 0.6;

    /// <summary>
    /// The model does not know a line when at least this share of its words never occurred in training (and
    /// it has at least <see cref="UnfamiliarMinWords"/> words): the rules decide it, and the result says so.
    /// 1 turns this off.
    /// </summary>
    [Range(0.0, 1.0)]
    public double UnfamiliarWordShare { get; set; } = 0.5;

    [Range(1, 1000)]
    public int UnfamiliarMinWords { get; set; } = 4;

    /// <summary>A suspicious verdict's severity is medium from this score up (low below it).</summary>
    [Range(0.0, 1.0)]
    public double MediumSeverityFrom { get; set; } = 0.7;

    [Range(0.0, 1.0)]
    public double HighSeverityFrom { get; set; } = 0.85;

    [Range(0.0, 1.0)]
    public double CriticalSeverityFrom { get; set; } = 0.95;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MediumSeverityFrom > HighSeverityFrom || HighSeverityFrom > CriticalSeverityFrom)
        {
            yield return new ValidationResult(
                "The severity bands must rise: MediumSeverityFrom ≤ HighSeverityFrom ≤ CriticalSeverityFrom.",
                [nameof(MediumSeverityFrom), nameof(HighSeverityFrom), nameof(CriticalSeverityFrom)]);
        }

        if (RuleStandsFrom < RuleThreshold)
        {
            yield return new ValidationResult(
                "RuleStandsFrom must not be below RuleThreshold: a rule score that stands must be one that calls a line suspicious.",
                [nameof(RuleStandsFrom)]);
        }

        if (UncertainLow > ModelThreshold || UncertainHigh < ModelThreshold)
        {
            yield return new ValidationResult(
                "The uncertainty band [UncertainLow, UncertainHigh] must contain ModelThreshold.",
                [nameof(UncertainLow), nameof(UncertainHigh)]);
        }
    }
}
