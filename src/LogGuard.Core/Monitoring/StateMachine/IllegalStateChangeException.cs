namespace LogGuard.Core.Monitoring.StateMachine;

/// <summary>A move the state machine does not allow, such as DEGRADED → WARNING or NORMAL → NORMAL.</summary>
public sealed class IllegalStateChangeException(SystemState from, SystemState to)
    : InvalidOperationException($"The service cannot move from {from.Name()} to {to.Name()}.")
{
    public SystemState From { get; } = from;

    public SystemState To { get; } = to;
}
