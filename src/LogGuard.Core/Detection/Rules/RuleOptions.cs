using System.ComponentModel.DataAnnotations;

namespace LogGuard.Core.Detection.Rules;

/// <summary>Settings of the rule engine (section <c>Rules</c>).</summary>
public sealed class RuleOptions
{
    public const string SectionName = "Rules";

    /// <summary>The rules file; relative paths are resolved from the content root.</summary>
    [Required]
    public string FilePath { get; set; } = "models/rules.json";

    /// <summary>A request or query that took longer than this is slow.</summary>
    [Range(1, 3_600_000)]
    public double SlowThresholdMs { get; set; } = 1000;
}
