namespace LogGuard.Core.Detection.Rules;

/// <summary>The built-in conditions a rule may name instead of a pattern.</summary>
public static class RuleConditions
{
    public const string Level = "level";
    public const string SlowDuration = "slow_duration";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Level, SlowDuration };
}
