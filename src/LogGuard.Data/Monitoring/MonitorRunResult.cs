using LogGuard.Core.Monitoring.Signals;
using LogGuard.Core.Monitoring.StateMachine;

namespace LogGuard.Data.Monitoring;

/// <summary>What one run found and did.</summary>
public sealed record MonitorRunResult(
    string Status,
    DateTime? WindowStart,
    DateTime? WindowEnd,
    long PredictionCount,
    string Severity,
    IReadOnlyList<SignalResult> Signals,
    string State,
    Transition? Transition,
    long? WindowMetricsId,
    long? IncidentId)
{
    public const string Baselining = "BASELINING";
    public const string Evaluated = "EVALUATED";
}
