namespace LogGuard.Data.Entities;

/// <summary>How many requests were rejected for one reason in one minute; rejected lines themselves are never stored.</summary>
public sealed class RejectionCount
{
    public long Id { get; set; }

    public DateTime BucketStart { get; set; }

    public required string Reason { get; set; }

    public long Count { get; set; }
}
