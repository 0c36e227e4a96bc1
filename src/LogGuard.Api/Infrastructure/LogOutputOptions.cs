namespace LogGuard.Api.Infrastructure;

/// <summary>Section <c>Logging</c> (LogGuard's own; levels are Serilog's, under the top-level <c>Serilog</c> section).</summary>
public sealed class LogOutputOptions
{
    public const string SectionName = "Logging";

    /// <summary>One JSON object per line (compact Serilog format) instead of text, for log collectors.</summary>
    public bool Json { get; set; }
}
