namespace LogGuard.Data.Entities;

/// <summary>The single row holding the state the service is in; <c>/detect</c> reports it.</summary>
public sealed class SystemStateRecord
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public required string State { get; set; }

    public DateTime Since { get; set; }

    public required string Reason { get; set; }
}
