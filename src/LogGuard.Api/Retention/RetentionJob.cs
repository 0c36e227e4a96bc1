using LogGuard.Api.Ingestion;
using LogGuard.Core.Detection.Model;
using LogGuard.Data;
using LogGuard.Data.Audit;
using LogGuard.Data.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace LogGuard.Api.Retention;

/// <summary>The Quartz adapter for <see cref="AuditRetention"/>: once per interval across all instances.</summary>
[DisallowConcurrentExecution]
public sealed partial class RetentionJob(
    AuditRetention retention,
    IDbContextFactory<LogGuardDbContext> contexts,
    ActiveModel active,
    IdempotencyStore idempotency,
    IOptions<IngestionOptions> ingestion,
    TimeProvider time,
    ILogger<RetentionJob> logger) : IJob
{
    public const string Name = "audit-retention";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var result = await retention.PurgeAsync(db, time.GetUtcNow().UtcDateTime, active.Current.Version, cancellationToken);
            LogPurged(logger, result.Deleted, result.Cutoff, result.Batches);

            // Answers kept for shippers' retries are needed only within the idempotency window.
            var keys = await idempotency.PurgeAsync(time.GetUtcNow().UtcDateTime.AddMinutes(-ingestion.Value.IdempotencyWindowMinutes), cancellationToken);
            LogKeysPurged(logger, keys);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Nothing is lost by a failed purge; the next run deletes what this one did not.
            LogPurgeFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Deleted} audit rows from before {Cutoff:o} in {Batches} batches")]
    private static partial void LogPurged(ILogger logger, long deleted, DateTime? cutoff, int batches);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retention deleted {Deleted} expired idempotency keys")]
    private static partial void LogKeysPurged(ILogger logger, int deleted);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention run failed; nothing was lost, the next run retries")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
