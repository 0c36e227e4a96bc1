namespace LogGuard.Core.Monitoring.StateMachine;

/// <summary>
/// The state the service is in, as one stored row that <c>/detect</c> reports. It changes only through the
/// methods below, which refuse a move the state machine does not allow and record when and why; the monitor
/// and operators both go through them.
/// </summary>
public sealed class SystemStateRecord
{
    public const int SingletonId = 1;

    // For the database mapping, which sets the columns through the private setters.
    private SystemStateRecord()
    {
    }

    public int Id { get; private set; } = SingletonId;

    public SystemState State { get; private set; }

    public DateTime Since { get; private set; }

    public string Reason { get; private set; } = "";

    /// <summary>The state machine's memory (streaks, recent fallbacks, latch) as JSON; empty before the first run.</summary>
    public string Memory { get; private set; } = "";

    /// <summary>Where the last monitor window ended: the next one starts here, so no prediction is counted twice.</summary>
    public DateTime? LastWindowEnd { get; private set; }

    public long? OpenIncidentId { get; private set; }

    public static SystemStateRecord Initial(DateTime at) => new() { State = SystemState.Normal, Since = at, Reason = "initial state" };

    /// <summary>NORMAL → WARNING: the model still decides, but the signals say it may be going wrong.</summary>
    public void EnterWarning(string reason, DateTime at) => Move(SystemState.Warning, reason, at, allowedFrom: [SystemState.Normal]);

    /// <summary>NORMAL or WARNING → DEGRADED: the rules decide every verdict, the model scores in shadow.</summary>
    public void EnterFallback(string reason, DateTime at) =>
        Move(SystemState.Degraded, reason, at, allowedFrom: [SystemState.Normal, SystemState.Warning]);

    /// <summary>WARNING or DEGRADED → NORMAL: the model decides again.</summary>
    public void Recover(string reason, DateTime at) =>
        Move(SystemState.Normal, reason, at, allowedFrom: [SystemState.Warning, SystemState.Degraded]);

    /// <summary>Carries out a transition the state machine decided, through the guarded move it names.</summary>
    public void Apply(Transition transition, DateTime at)
    {
        if (transition.From != State)
        {
            throw new InvalidOperationException($"The transition starts from {transition.From.Name()}, but the service is {State.Name()}.");
        }

        switch (transition.To)
        {
            case SystemState.Warning:
                EnterWarning(transition.Reason, at);
                break;
            case SystemState.Degraded:
                EnterFallback(transition.Reason, at);
                break;
            default:
                Recover(transition.Reason, at);
                break;
        }
    }

    /// <summary>Stores what the state machine remembers; it must describe the state the record is in.</summary>
    public void Remember(MonitorMemory memory, string json)
    {
        if (memory.State != State)
        {
            throw new InvalidOperationException($"The monitor's memory says {memory.State.Name()}, but the service is {State.Name()}.");
        }

        Memory = json;
    }

    /// <summary>Tumbling windows: each ends later than the one before, so none overlaps another.</summary>
    public void CloseWindow(DateTime end)
    {
        if (end < LastWindowEnd)
        {
            throw new InvalidOperationException($"A window cannot end at {end:O}, before the last one ({LastWindowEnd:O}).");
        }

        LastWindowEnd = end;
    }

    public void TrackIncident(long? incidentId) => OpenIncidentId = incidentId;

    private void Move(SystemState to, string reason, DateTime at, SystemState[] allowedFrom)
    {
        if (!allowedFrom.Contains(State))
        {
            throw new IllegalStateChangeException(State, to);
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        State = to;
        Since = at;
        Reason = reason;
    }
}
