namespace LogGuard.Core.Monitoring.StateMachine;

/// <summary>What the state machine remembers between runs; stored with the system state.</summary>
public sealed record MonitorMemory(
    SystemState State,
    DateTimeOffset Since,
    int DeviatingStreak,
    int CriticalStreak,
    int NormalStreak,
    IReadOnlyList<DateTimeOffset> FallbackEntries,
    bool Latched)
{
    public static MonitorMemory Initial(DateTimeOffset now) => new(SystemState.Normal, now, 0, 0, 0, [], false);
}

/// <summary>A change of state, with the reason a person can read.</summary>
public sealed record Transition(SystemState From, SystemState To, string Reason, bool IsRecovery);
