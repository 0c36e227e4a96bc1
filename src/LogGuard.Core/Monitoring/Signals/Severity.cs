namespace LogGuard.Core.Monitoring.Signals;

/// <summary>A signal's or a run's verdict, ordered by severity.</summary>
public enum Severity
{
    InsufficientData = -1,
    Normal = 0,
    Warning = 1,
    Critical = 2,
}

public static class SeverityNames
{
    public static string Of(Severity severity) => severity switch
    {
        Severity.InsufficientData => "INSUFFICIENT_DATA",
        Severity.Warning => "WARNING",
        Severity.Critical => "CRITICAL",
        _ => "NORMAL",
    };
}
