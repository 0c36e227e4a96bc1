using LogGuard.Core.Monitoring;
using LogGuard.Data.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Data.Audit;

/// <summary>
/// Deletes audit rows past the retention period, in bounded batches, keeping what the monitor still needs: the
/// rows of the active model's baseline period, and every row since the windows that opened an incident still open.
/// </summary>
public sealed class AuditRetention(AuditOptions audit, MonitoringOptions monitoring)
{
    public async Task<RetentionResult> PurgeAsync(LogGuardDbContext db, DateTime now, string modelVersion, CancellationToken cancellationToken)
    {
        if (audit.RetentionDays == 0)
        {
            return new RetentionResult(0, 0, null);
        }

        var cutoff = StoredInstant.Of(now - TimeSpan.FromDays(audit.RetentionDays));
        if (await OpenIncidentsEvidenceStartAsync(db, cancellationToken) is { } evidenceStart && evidenceStart < cutoff)
        {
            cutoff = evidenceStart;
        }

        var baseline = await BaselineStore.ActiveAsync(db, modelVersion, cancellationToken);
        var keepFrom = baseline?.PeriodStart ?? DateTime.MaxValue;
        var keepTo = baseline?.PeriodEnd ?? DateTime.MinValue;

        long deleted = 0;
        var batches = 0;
        while (true)
        {
            // Oldest first, by the indexed timestamp; each batch is its own short statement.
            var removed = await db.PredictionLogs
                .Where(row => row.Timestamp < cutoff && !(row.Timestamp >= keepFrom && row.Timestamp <= keepTo))
                .OrderBy(row => row.Timestamp)
                .Take(audit.RetentionBatchRows)
                .ExecuteDeleteAsync(cancellationToken);
            deleted += removed;
            batches += removed > 0 ? 1 : 0;
            if (removed < audit.RetentionBatchRows)
            {
                return new RetentionResult(deleted, batches, cutoff);
            }
        }
    }

    // An open incident is explained by the windows whose streak opened it; their rows stay until it is resolved.
    private async Task<DateTime?> OpenIncidentsEvidenceStartAsync(LogGuardDbContext db, CancellationToken cancellationToken)
    {
        var opened = await db.Incidents.AsNoTracking().Where(row => !row.Resolved).Select(row => (DateTime?)row.DetectedAt).MinAsync(cancellationToken);
        if (opened is null)
        {
            return null;
        }

        var streak = Math.Max(monitoring.WarnAfter, monitoring.CriticalAfter);
        var windows = await db.WindowMetrics.AsNoTracking()
            .Where(row => row.RunAt <= opened.Value)
            .OrderByDescending(row => row.RunAt)
            .Take(streak)
            .Select(row => row.WindowStart)
            .ToListAsync(cancellationToken);
        return windows.Count == 0 ? opened : windows.Min();
    }
}

/// <param name="Cutoff">Rows before this instant were eligible (null when retention is off).</param>
public sealed record RetentionResult(long Deleted, int Batches, DateTime? Cutoff);
