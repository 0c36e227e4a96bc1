using System.Collections.Concurrent;

namespace LogGuard.Data.Audit;

/// <summary>
/// Counts rejected requests per reason and minute in memory; the audit writer persists the counts.
/// Counting, not storing, keeps a flood of bad input from filling the audit store.
/// </summary>
public sealed class RejectionCounter(TimeProvider time, AuditMetrics metrics)
{
    private readonly ConcurrentDictionary<(DateTime Minute, string Reason), long> _pending = new();

    public void Record(string reason)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var minute = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc);
        _pending.AddOrUpdate((minute, reason), 1, (_, count) => count + 1);
        metrics.Rejected(reason);
    }

    /// <summary>Takes every pending count, leaving zero behind.</summary>
    internal List<(DateTime Minute, string Reason, long Count)> Drain()
    {
        var drained = new List<(DateTime, string, long)>();
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var count) && count > 0)
            {
                drained.Add((key.Minute, key.Reason, count));
            }
        }

        return drained;
    }

    /// <summary>Puts counts back after a failed write, so none is lost.</summary>
    internal void Restore(IEnumerable<(DateTime Minute, string Reason, long Count)> counts)
    {
        foreach (var (minute, reason, count) in counts)
        {
            _pending.AddOrUpdate((minute, reason), count, (_, existing) => existing + count);
        }
    }
}
