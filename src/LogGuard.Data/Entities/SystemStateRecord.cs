namespace LogGuard.Data.Entities;

/// <summary>The single row holding the state the service is in; <c>/detect</c> reports it.</summary>
public sealed class SystemStateRecord
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public required string State { get; set; }

    public DateTime Since { get; set; }

    public required string Reason { get; set; }

    /// <summary>The state machine's memory (streaks, recent fallbacks, latch) as JSON; empty before the first run.</summary>
    public string Memory { get; set; } = "";

    /// <summary>Where the last monitor window ended: the next one starts here, so no prediction is counted twice.</summary>
    public DateTime? LastWindowEnd { get; set; }

    public long? OpenIncidentId { get; set; }
}
