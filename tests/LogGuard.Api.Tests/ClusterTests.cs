using System.Text.Json.Nodes;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Data.Entities;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Api.Tests;

/// <summary>
/// Two service processes on one PostgreSQL database, as behind a load balancer: the monitor runs once per interval
/// between them, its windows tile time exactly, both follow the state it sets, and when the instance running it
/// dies the other carries on.
/// </summary>
public sealed class ClusterTests
{
    private const int IntervalSeconds = 2;
    private static readonly TimeSpan PhaseLimit = TimeSpan.FromSeconds(150);

    [Theory]
    [PostgresData]
    public async Task TwoInstances_DriftIntoFallback_OneMonitorBothFollowAndTheSurvivorCarriesOn(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var environment = new Dictionary<string, string>(database.Environment)
        {
            ["LogGuard__Monitoring__Enabled"] = "true",
            ["LogGuard__Monitoring__IntervalSeconds"] = IntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LogGuard__Monitoring__SettleMilliseconds"] = "300",
            ["LogGuard__Monitoring__BaselineSize"] = "400",
            ["LogGuard__Monitoring__MinSamples"] = "150",
            ["LogGuard__Monitoring__MinFallbackSeconds"] = "600",
        };
        var starting = new[] { RunningService.StartAsync(environment), RunningService.StartAsync(environment) };
        var instances = await Task.WhenAll(starting);
        using var first = instances[0];
        using var second = instances[1];
        var traffic = new TrafficSource(seed: 11);
        var drift = false;
        using var stop = new CancellationTokenSource();
        var pump = Task.Run(async () =>
        {
            for (var batch = 0; !stop.IsCancellationRequested; batch++)
            {
                var client = instances[batch % 2].Client;
                await SendQuietlyAsync(client, drift ? traffic.Drifted(100) : traffic.Healthy(100));
                await Task.Delay(50);
            }
        });

        await StatePolling.WaitForStateAsync(first.Client, state => state["baseline"]!["status"]!.GetValue<string>() == "READY" && state["lastRun"] is not null, PhaseLimit);
        drift = true;
        await StatePolling.WaitForStateAsync(first.Client, state => state["state"]!.GetValue<string>() == "DEGRADED", PhaseLimit);

        foreach (var instance in instances)
        {
            var verdict = await WaitForVerdictAsync(instance.Client, result => result["fallbackUsed"]!.GetValue<bool>());
            verdict["decidedBy"]!.GetValue<string>().Should().Be("rules", "every instance follows the state the monitor set");
        }

        var runs = await RunsAsync(database);
        var runner = runs[^1].RunBy!;
        var (victim, survivor) = runner.EndsWith(":" + first.ProcessId, StringComparison.Ordinal) ? (first, second) : (second, first);
        runner.Should().EndWith(":" + victim.ProcessId, "the last run was made by one of the two instances");
        await victim.SignalAsync("KILL");
        await victim.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var killedAt = runs[^1].Id;

        var after = await WaitForRunsAsync(database, rows => rows.Count(row => row.Id > killedAt) >= 3);
        await stop.CancelAsync();
        await pump;

        after.Where(row => row.Id > killedAt).Should().OnlyContain(row => row.RunBy!.EndsWith(":" + survivor.ProcessId, StringComparison.Ordinal));
        after.Select(row => row.RunBy).Distinct().Should().HaveCount(2, "both instances could run the monitor; the survivor took it over");
        for (var i = 1; i < after.Count; i++)
        {
            after[i].WindowStart.Should().Be(after[i - 1].WindowEnd, "windows tile time: no prediction in two windows, none in none");
        }

        // A run that starts late (the machine is busy) may be followed closely by the next one on time, so runs are
        // counted against the schedule rather than spaced: two instances firing every interval would make twice as many.
        var scheduled = ((after[^1].RunAt - after[0].RunAt) / TimeSpan.FromSeconds(IntervalSeconds)) + 1;
        after.Count.Should().BeLessThanOrEqualTo((int)Math.Ceiling(scheduled) + 1, "one run per interval between the instances, never one each: {0}",
            string.Join("; ", after.Select(row => $"{row.RunAt:HH:mm:ss.fff} {row.RunBy} {row.StateAfter}")));

        var windowed = await CountAsync(database, after[0].WindowStart, after[^1].WindowEnd);
        after.Sum(row => row.PredictionCount).Should().Be(windowed, "every prediction in the windows' span is counted exactly once");
    }

    private static async Task SendQuietlyAsync(HttpClient client, IEnumerable<string> lines)
    {
        try
        {
            await client.PostLinesAsync(lines);
        }
        catch (HttpRequestException)
        {
            // the instance that is killed mid-test refuses the rest
        }
    }

    private static async Task<List<WindowMetricsRecord>> RunsAsync(TestDatabase database)
    {
        await using var db = database.OpenContext();
        return await db.WindowMetrics.AsNoTracking().OrderBy(row => row.Id).ToListAsync();
    }

    private static async Task<long> CountAsync(TestDatabase database, DateTime from, DateTime to)
    {
        await using var db = database.OpenContext();
        return await db.PredictionLogs.LongCountAsync(row => row.Timestamp >= from && row.Timestamp < to);
    }

    // Polls with a generous deadline: the assertions are on what happens, not on how fast.
    private static async Task<List<WindowMetricsRecord>> WaitForRunsAsync(TestDatabase database, Func<List<WindowMetricsRecord>, bool> condition)
    {
        var deadline = DateTime.UtcNow + PhaseLimit;
        while (true)
        {
            var runs = await RunsAsync(database);
            if (condition(runs) || DateTime.UtcNow > deadline)
            {
                return runs;
            }

            await Task.Delay(250);
        }
    }

    private static async Task<JsonNode> WaitForVerdictAsync(HttpClient client, Func<JsonNode, bool> condition)
    {
        var deadline = DateTime.UtcNow + PhaseLimit;
        JsonNode result;
        do
        {
            var body = await (await client.PostLinesAsync(["2026-03-04 10:01:02,123 INFO [main] c.e.orders.OrderService - Order 48213 created in 35ms"])).JsonAsync();
            result = body["results"]![0]!;
            if (condition(result))
            {
                return result;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException("Verdict not seen; last: " + result.ToJsonString());
    }
}
