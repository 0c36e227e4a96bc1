using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LogGuard.Data.Audit;

/// <summary>
/// The one writer: takes whatever requests are waiting, commits them in one transaction, then releases them.
/// Under load many requests share one commit, so durability costs one fsync per batch, not per request.
/// </summary>
public sealed partial class AuditWriterService(
    AuditQueue queue,
    RejectionCounter rejections,
    IDbContextFactory<LogGuardDbContext> contexts,
    IAuditBatchWriter writer,
    AuditMetrics metrics,
    IOptions<AuditOptions> options,
    TimeProvider time,
    ILogger<AuditWriterService> logger) : BackgroundService
{
    private static readonly TimeSpan RejectionFlushInterval = TimeSpan.FromSeconds(5);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Close();
        if (ExecuteTask is not null)
        {
            // Drain what was accepted before stopping; the writer ends by itself once the queue is empty.
            await Task.WhenAny(ExecuteTask, Task.Delay(TimeSpan.FromSeconds(options.Value.DrainTimeoutSeconds), time, CancellationToken.None));
        }

        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingAudit>();
        while (true)
        {
            bool more;
            using (var wait = new CancellationTokenSource(RejectionFlushInterval, time))
            {
                try
                {
                    more = await queue.Reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    await FlushRejectionsAsync();
                    continue;
                }
            }

            if (!more)
            {
                await FlushRejectionsAsync();
                return;
            }

            TakeBatch(batch);
            await CommitAsync(batch);
            batch.Clear();
            await FlushRejectionsAsync();
        }
    }

    private void TakeBatch(List<PendingAudit> batch)
    {
        var lines = 0;
        while (lines < options.Value.MaxBatchLines && queue.Reader.TryRead(out var pending))
        {
            batch.Add(pending);
            lines += pending.Rows.Count;
        }

        queue.Dequeued(lines);
    }

    private async Task CommitAsync(List<PendingAudit> batch)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            await writer.WriteAsync(db, [.. batch.SelectMany(pending => pending.Rows)], CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Whatever went wrong, every waiting request must be answered: none may hang or get ids that were not stored.
            LogCommitFailed(logger, exception, batch.Sum(pending => pending.Rows.Count));
            var failure = new AuditUnavailableException("The audit store could not commit the verdicts.", exception);
            batch.ForEach(pending => pending.Failed(failure));
            return;
        }

        batch.ForEach(pending => pending.Committed());
        metrics.Committed(batch.Sum(pending => pending.Rows.Count));
    }

    private async Task FlushRejectionsAsync()
    {
        var counts = rejections.Drain();
        if (counts.Count == 0)
        {
            return;
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            foreach (var (minute, reason, count) in counts)
            {
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"INSERT INTO request_rejections (bucket_start, reason, count) VALUES ({minute}, {reason}, {count}) ON CONFLICT (bucket_start, reason) DO UPDATE SET count = request_rejections.count + excluded.count",
                    CancellationToken.None);
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            rejections.Restore(counts);
            LogRejectionFlushFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit commit failed; {Lines} lines answered 503")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, int lines);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejection counts could not be stored; kept for the next attempt")]
    private static partial void LogRejectionFlushFailed(ILogger logger, Exception exception);
}
