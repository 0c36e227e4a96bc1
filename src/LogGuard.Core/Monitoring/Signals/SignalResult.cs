namespace LogGuard.Core.Monitoring.Signals;

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
