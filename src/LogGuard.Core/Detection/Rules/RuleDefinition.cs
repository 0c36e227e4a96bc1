namespace LogGuard.Core.Detection.Rules;

/// <summary>One rule as written in the rules file.</summary>
public sealed class RuleDefinition
{
    public string Id { get; init; } = "";

    public string Description { get; init; } = "";

    public string Category { get; init; } = "";

    /// <summary>How strongly a match alone says "suspicious", in (0, 1].</summary>
    public double Weight { get; init; }

    /// <summary>A regular expression; the non-backtracking engine runs it, so lookarounds and backreferences are refused.</summary>
    public string? Pattern { get; init; }

    /// <summary>
    /// A regular expression that vetoes the rule: when it matches the same text, the rule does not fire.
    /// For wording that reports a failure already being handled ("mount failed ..., retrying").
    /// </summary>
    public string? Unless { get; init; }

    /// <summary><c>decoded</c> (default): after URL and HTML decoding; <c>raw</c>: the line as sent.</summary>
    public string On { get; init; } = "decoded";

    /// <summary>The pattern must match at least this many times (bursts in one line).</summary>
    public int MinCount { get; init; } = 1;

    /// <summary>Set instead of <see cref="Pattern"/>: <c>slow_duration</c> or <c>level</c>.</summary>
    public string? Condition { get; init; }

    /// <summary>For the <c>level</c> condition: the declared levels that trigger the rule.</summary>
    public IReadOnlyList<string> Levels { get; init; } = [];

    /// <summary>Only lines of these formats are considered; empty means all.</summary>
    public IReadOnlyList<string> Formats { get; init; } = [];
}
