using LogGuard.Core.Monitoring.StateMachine;
using LogGuard.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Data;

/// <summary>
/// The system state as the database holds it, re-read at most every <see cref="MaxAge"/>:
/// every instance of the service then follows the same state within that delay.
/// </summary>
/// <remarks>A read that cannot reach the database throws <see cref="AuditUnavailableException"/>.</remarks>
public sealed class SystemStateCache(IDbContextFactory<LogGuardDbContext> contexts, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _current;

    public async ValueTask<SystemStateRecord> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && time.GetUtcNow() - current.ReadAt < MaxAge)
        {
            return current.State;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            current = _current;
            if (current is not null && time.GetUtcNow() - current.ReadAt < MaxAge)
            {
                return current.State;
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var state = await db.SystemState.AsNoTracking().SingleAsync(row => row.Id == SystemStateRecord.SingletonId, cancellationToken);
            _current = new Snapshot(state, time.GetUtcNow());
            return state;
        }
        catch (Exception exception) when (StoreFailures.IsTransient(exception))
        {
            // Nothing could be audited either; the request is refused whole, as when a commit fails.
            throw new AuditUnavailableException("The database cannot be reached.", exception);
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Forgets the cached state, so the next read sees a change made by this instance at once.</summary>
    public void Invalidate() => _current = null;

    public void Dispose() => _refresh.Dispose();

    private sealed record Snapshot(SystemStateRecord State, DateTimeOffset ReadAt);
}
