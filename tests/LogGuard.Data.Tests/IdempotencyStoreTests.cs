using LogGuard.Data.Idempotency;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace LogGuard.Data.Tests;

/// <summary>The keys every instance shares, on a real database of each provider.</summary>
public sealed class IdempotencyStoreTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(60);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task ClaimAsync_KeyThroughItsLife_ClaimedThenInProgressThenReplayedThenFreeAfterTheWindow(string provider)
    {
        using var database = new MigratedDatabase(provider);
        var store = new IdempotencyStore(new Contexts(database), _clock);

        (await store.ClaimAsync("k", "h1", Window, Lease, default)).Claim.Should().Be(IdempotencyClaim.Claimed);
        (await store.ClaimAsync("k", "h1", Window, Lease, default)).Claim.Should().Be(IdempotencyClaim.InProgress);
        await store.CompleteAsync("k", 200, "application/json", "{\"ok\":1}"u8.ToArray(), default);
        var (claim, stored) = await store.ClaimAsync("k", "h1", Window, Lease, default);
        claim.Should().Be(IdempotencyClaim.Replay);
        stored!.ResponseBody.Should().Equal("{\"ok\":1}"u8.ToArray());
        stored.StatusCode.Should().Be(200);
        (await store.ClaimAsync("k", "h2", Window, Lease, default)).Claim.Should().Be(IdempotencyClaim.Mismatch);

        _clock.Advance(Window + TimeSpan.FromSeconds(1));

        (await store.ClaimAsync("k", "h2", Window, Lease, default)).Claim.Should().Be(IdempotencyClaim.Claimed, "the window has passed");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task ClaimAsync_ReleasedOrLostRequest_LetsTheRetryRun(string provider)
    {
        using var database = new MigratedDatabase(provider);
        var store = new IdempotencyStore(new Contexts(database), _clock);

        await store.ClaimAsync("released", "h", Window, Lease, default);
        await store.ReleaseAsync("released", default);
        await store.ClaimAsync("lost", "h", Window, Lease, default);
        _clock.Advance(Lease + TimeSpan.FromSeconds(1));

        (await store.ClaimAsync("released", "h", Window, Lease, default)).Claim.Should().Be(IdempotencyClaim.Claimed);
        (await store.ClaimAsync("lost", "h", Window, Lease, default)).Claim.Should().Be(IdempotencyClaim.Claimed, "its instance held the key past the lease");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task ClaimAsync_ManyAtOnce_ExactlyOneRuns(string provider)
    {
        using var database = new MigratedDatabase(provider);
        var stores = Enumerable.Range(0, 8).Select(_ => new IdempotencyStore(new Contexts(database), _clock)).ToList();

        var claims = await Task.WhenAll(stores.Select(store => Task.Run(() => store.ClaimAsync("race", "h", Window, Lease, default))));

        claims.Count(result => result.Claim == IdempotencyClaim.Claimed).Should().Be(1);
        claims.Where(result => result.Claim != IdempotencyClaim.Claimed).Should().OnlyContain(result => result.Claim == IdempotencyClaim.InProgress);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task PurgeAsync_DeletesOnlyKeysOlderThanTheCutoff(string provider)
    {
        using var database = new MigratedDatabase(provider);
        var store = new IdempotencyStore(new Contexts(database), _clock);
        await store.ClaimAsync("old", "h", Window, Lease, default);
        _clock.Advance(TimeSpan.FromMinutes(30));
        await store.ClaimAsync("new", "h", Window, Lease, default);

        var deleted = await store.PurgeAsync(_clock.GetUtcNow().UtcDateTime.AddMinutes(-10), default);

        deleted.Should().Be(1);
        await using var db = database.Open();
        (await db.IdempotencyKeys.Select(record => record.Key).ToListAsync()).Should().Equal("new");
    }

    private sealed class Contexts(MigratedDatabase database) : IDbContextFactory<LogGuardDbContext>
    {
        public LogGuardDbContext CreateDbContext() => database.Open();
    }
}
