using System.ComponentModel.DataAnnotations;

namespace LogGuard.Data.Audit;

/// <summary>How verdicts are written (section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>Store the line as sent beside its masked form. Off by default: raw lines may hold secrets the masks miss.</summary>
    public bool StoreRawLines { get; set; }

    /// <summary>Lines waiting to be written; a request that would pass this is answered 503 with Retry-After.</summary>
    [Range(100, 10_000_000)]
    public int QueueCapacityLines { get; set; } = 50_000;

    /// <summary>At most this many lines are committed in one transaction.</summary>
    [Range(1, 100_000)]
    public int MaxBatchLines { get; set; } = 5_000;

    /// <summary>Seconds a client is told to wait when the queue is full or the store failed.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 2;

    /// <summary>How long shutdown waits for queued lines to be committed.</summary>
    [Range(1, 600)]
    public int DrainTimeoutSeconds { get; set; } = 30;

    /// <summary>Audit rows older than this many days are deleted (0 keeps them forever). Windows, baselines and incidents are kept.</summary>
    [Range(0, 36_500)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often the retention job runs.</summary>
    [Range(1, 10_080)]
    public int RetentionIntervalMinutes { get; set; } = 60;

    /// <summary>Rows deleted per statement, so that a purge never holds long locks or one huge transaction.</summary>
    [Range(1, 1_000_000)]
    public int RetentionBatchRows { get; set; } = 5_000;
}
