using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Data.Idempotency;

/// <summary>What a request with an idempotency key may do.</summary>
public enum IdempotencyClaim
{
    /// <summary>The key is this request's: run it, then complete or release the key.</summary>
    Claimed,

    /// <summary>The key's first request finished: answer with its stored response.</summary>
    Replay,

    /// <summary>The key's first request is still running.</summary>
    InProgress,

    /// <summary>The key was used with another body.</summary>
    Mismatch,
}

/// <summary>
/// Keys of requests that shippers may retry, shared by every instance on the database: the first request to
/// insert a key runs, and its answer is kept for the window so that a retry is answered without running again.
/// </summary>
public sealed class IdempotencyStore(IDbContextFactory<LogGuardDbContext> contexts, TimeProvider time)
{
    /// <param name="window">How long a finished request's answer is kept for retries.</param>
    /// <param name="lease">How long an unfinished request holds its key; after that it is taken for lost (its instance stopped).</param>
    public async Task<(IdempotencyClaim Claim, IdempotencyRecord? Stored)> ClaimAsync(
        string key, string requestHash, TimeSpan window, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;

        // Two rounds: when another instance inserts the key between this one's read and insert, its row is read back.
        for (var round = 0; round < 2; round++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var existing = await db.IdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(record => record.Key == key, cancellationToken);
            if (existing is not null)
            {
                var finished = existing.StatusCode is not null;
                if (finished ? existing.CreatedAt > now - window : existing.CreatedAt > now - lease)
                {
                    return existing.RequestHash != requestHash ? (IdempotencyClaim.Mismatch, null)
                        : finished ? (IdempotencyClaim.Replay, existing)
                        : (IdempotencyClaim.InProgress, null);
                }

                await db.IdempotencyKeys.Where(record => record.Key == key && record.CreatedAt == existing.CreatedAt).ExecuteDeleteAsync(cancellationToken);
            }

            db.IdempotencyKeys.Add(new IdempotencyRecord { Key = key, RequestHash = requestHash, CreatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (IdempotencyClaim.Claimed, null);
            }
            catch (DbUpdateException exception) when (StoreFailures.IsUniqueViolation(exception))
            {
            }
        }

        return (IdempotencyClaim.InProgress, null);
    }

    /// <summary>Keeps the claimed request's answer for its retries.</summary>
    public async Task CompleteAsync(string key, int statusCode, string? contentType, byte[] body, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.IdempotencyKeys.Where(record => record.Key == key && record.StatusCode == null).ExecuteUpdateAsync(
            setters => setters.SetProperty(record => record.StatusCode, statusCode)
                .SetProperty(record => record.ContentType, contentType)
                .SetProperty(record => record.ResponseBody, body),
            cancellationToken);
    }

    /// <summary>Frees the key of a request that failed in a way worth retrying, so that its retry runs.</summary>
    public async Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.IdempotencyKeys.Where(record => record.Key == key && record.StatusCode == null).ExecuteDeleteAsync(cancellationToken);
    }

    /// <returns>How many keys older than <paramref name="before"/> were deleted.</returns>
    public async Task<int> PurgeAsync(DateTime before, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.IdempotencyKeys.Where(record => record.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
