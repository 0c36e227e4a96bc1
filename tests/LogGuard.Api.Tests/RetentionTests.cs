using LogGuard.Api.Retention;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace LogGuard.Api.Tests;

/// <summary>The retention job in the running service, fired through the real scheduler, on each provider.</summary>
public sealed class RetentionTests
{
    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task RetentionJob_FiredByTheScheduler_DeletesOnlyRowsPastRetention(string provider)
    {
        using var factory = new LogGuardFactory(new Dictionary<string, string?> { ["LogGuard:Audit:RetentionDays"] = "30" }, provider);
        var client = factory.CreateClient();
        (await client.PostLinesAsync(["a line from today"])).EnsureSuccessStatusCode();
        await factory.QueryAsync(async db =>
        {
            var old = await db.PredictionLogs.AsNoTracking().FirstAsync();
            old.Id = 0;
            old.Timestamp = DateTime.UtcNow.AddDays(-31);
            old.RequestId = "old";
            db.PredictionLogs.Add(old);
            return await db.SaveChangesAsync();
        });

        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(new TriggerKey(RetentionJob.Name + "-trigger"));
        await scheduler.TriggerJob(new JobKey(RetentionJob.Name));
        var remaining = await WaitForAsync(factory, requestIds => !requestIds.Contains("old"));

        trigger.Should().BeAssignableTo<ISimpleTrigger>().Which.RepeatInterval.Should().Be(TimeSpan.FromMinutes(60));
        remaining.Should().ContainSingle().Which.Should().NotBe("old");
    }

    [Fact]
    public async Task RetentionOff_SchedulesNothing()
    {
        using var factory = new LogGuardFactory(new Dictionary<string, string?> { ["LogGuard:Audit:RetentionDays"] = "0" });
        factory.CreateClient();

        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        (await scheduler.GetTrigger(new TriggerKey(RetentionJob.Name + "-trigger"))).Should().BeNull();
    }

    // The job runs on the scheduler's own thread; this waits for its effect with a generous bound.
    private static async Task<List<string>> WaitForAsync(LogGuardFactory factory, Func<List<string>, bool> condition)
    {
        List<string> requestIds = [];
        for (var attempt = 0; attempt < 200; attempt++)
        {
            requestIds = await factory.QueryAsync(db => db.PredictionLogs.Select(row => row.RequestId).ToListAsync());
            if (condition(requestIds))
            {
                break;
            }

            await Task.Delay(100);
        }

        return requestIds;
    }
}
