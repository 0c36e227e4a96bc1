using LogGuard.Core.Monitoring;
using LogGuard.Data.Audit;
using LogGuard.Data.Entities;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Data.Tests;

public sealed class AuditRetentionTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task PurgeAsync_RowsPastRetention_AreDeletedInBoundedBatchesAndTheBaselinePeriodIsKept(string provider)
    {
        using var database = new MigratedDatabase(provider);
        await using (var db = database.Open())
        {
            db.PredictionLogs.AddRange(Rows(Now.AddDays(-40), 5, "old"));
            db.PredictionLogs.AddRange(Rows(Now.AddDays(-35), 3, "baseline"));
            db.PredictionLogs.AddRange(Rows(Now.AddDays(-10), 4, "recent"));
            db.Baselines.Add(Baseline(Now.AddDays(-35), Now.AddDays(-35).AddMinutes(1)));
            await db.SaveChangesAsync();
        }

        RetentionResult result;
        await using (var db = database.Open())
        {
            result = await Retention(batchRows: 2).PurgeAsync(db, Now, "sdca-test", CancellationToken.None);
        }

        result.Deleted.Should().Be(5);
        result.Batches.Should().Be(3, "five rows two at a time");
        (await RemainingAsync(database)).Should().BeEquivalentTo(["baseline", "baseline", "baseline", "recent", "recent", "recent", "recent"]);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task PurgeAsync_OpenIncident_KeepsTheRowsOfTheWindowsThatOpenedIt(string provider)
    {
        using var database = new MigratedDatabase(provider);
        var opened = Now.AddDays(-40);
        await using (var db = database.Open())
        {
            db.PredictionLogs.AddRange(Rows(opened.AddHours(-2), 2, "before"));
            db.PredictionLogs.AddRange(Rows(opened.AddMinutes(-3), 2, "evidence"));
            db.WindowMetrics.Add(Window(opened.AddMinutes(-4), opened.AddMinutes(-1)));
            db.Incidents.Add(new IncidentRecord { DetectedAt = opened, Severity = SystemState.Warning, TriggerSignals = "[]", DecisionReason = "test" });
            await db.SaveChangesAsync();
        }

        await using (var db = database.Open())
        {
            await Retention(batchRows: 100).PurgeAsync(db, Now, "sdca-test", CancellationToken.None);
        }

        (await RemainingAsync(database)).Should().BeEquivalentTo(["evidence", "evidence"]);

        await using (var db = database.Open())
        {
            await db.Incidents.ExecuteUpdateAsync(setters => setters.SetProperty(row => row.Resolved, true));
            await Retention(batchRows: 100).PurgeAsync(db, Now, "sdca-test", CancellationToken.None);
        }

        (await RemainingAsync(database)).Should().BeEmpty("once the incident is resolved its rows age out like any other");
    }

    [Theory]
    [SqliteData]
    public async Task PurgeAsync_RetentionOff_DeletesNothing(string provider)
    {
        using var database = new MigratedDatabase(provider);
        await using var db = database.Open();
        db.PredictionLogs.AddRange(Rows(Now.AddDays(-4000), 2, "ancient"));
        await db.SaveChangesAsync();

        var result = await new AuditRetention(new AuditOptions { RetentionDays = 0 }, new MonitoringOptions()).PurgeAsync(db, Now, "sdca-test", CancellationToken.None);

        result.Deleted.Should().Be(0);
        (await db.PredictionLogs.CountAsync()).Should().Be(2);
    }

    private static AuditRetention Retention(int batchRows) =>
        new(new AuditOptions { RetentionDays = 30, RetentionBatchRows = batchRows }, new MonitoringOptions());

    private static IEnumerable<PredictionLog> Rows(DateTime at, int count, string source) =>
        Enumerable.Range(0, count).Select(i => MigratedDatabase.Row(at.AddSeconds(i), source: source));

    private static BaselineRecord Baseline(DateTime start, DateTime end) => new()
    {
        ModelVersion = "sdca-test", CreatedAt = end, SampleSize = 3, PeriodStart = start, PeriodEnd = end, Origin = "traffic", Summary = "{}",
    };

    private static WindowMetricsRecord Window(DateTime start, DateTime end) => new()
    {
        RunAt = end, WindowStart = start, WindowEnd = end, Severity = "WARNING", Signals = "[]", StateBefore = SystemState.Normal, StateAfter = SystemState.Warning,
    };

    private static async Task<List<string?>> RemainingAsync(MigratedDatabase database)
    {
        await using var db = database.Open();
        return await db.PredictionLogs.OrderBy(row => row.Id).Select(row => row.Source).ToListAsync();
    }
}
