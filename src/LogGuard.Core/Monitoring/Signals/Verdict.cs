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

    public static Severity Parse(string name) => name switch
    {
        "INSUFFICIENT_DATA" => Severity.InsufficientData,
        "WARNING" => Severity.Warning,
        "CRITICAL" => Severity.Critical,
        _ => Severity.Normal,
    };
}

/// <summary>One signal of one run: everything needed to reproduce its verdict.</summary>
/// <param name="Effect">The size of the change, in the unit its thresholds use.</param>
/// <param name="CanBeCritical">False for confidence-only signals, which stay at WARNING by design.</param>
public sealed record SignalResult(
    string Name,
    double Value,
    double Baseline,
    double Statistic,
    double PValue,
    double Effect,
    double WarningThreshold,
    double CriticalThreshold,
    bool CanBeCritical,
    Severity Verdict);
