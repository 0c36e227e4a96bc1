using LogGuard.Core.Monitoring;
using LogGuard.Core.Monitoring.Signals;
using LogGuard.Core.Monitoring.StateMachine;

namespace LogGuard.Api.Monitoring;

/// <summary>What one run found and did.</summary>
public sealed record MonitorRunResult(
    string Status,
    DateTime? WindowStart,
    DateTime? WindowEnd,
    long PredictionCount,
    string Severity,
    IReadOnlyList<SignalResult> Signals,
    SystemState State,
    Transition? Transition,
    long? WindowMetricsId,
    long? IncidentId)
{
    public const string Baselining = "BASELINING";
    public const string Evaluated = "EVALUATED";

    public static MonitorRunResult StillBaselining(SystemStateRecord state) =>
        new(Baselining, null, null, 0, Baselining, [], state.State, null, null, state.OpenIncidentId);
}
