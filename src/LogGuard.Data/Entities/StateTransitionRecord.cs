using LogGuard.Core.Monitoring;

namespace LogGuard.Data.Entities;

/// <summary>A change of system state, by the monitor or an operator.</summary>
public sealed class StateTransitionRecord
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public required SystemState FromState { get; set; }

    public required SystemState ToState { get; set; }

    public required string Reason { get; set; }

    /// <summary><c>monitor</c> or <c>operator</c>.</summary>
    public required string Trigger { get; set; }

    public bool IsRecovery { get; set; }

    public long? WindowMetricsId { get; set; }
}
