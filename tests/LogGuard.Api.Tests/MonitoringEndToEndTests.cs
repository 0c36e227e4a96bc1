using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LogGuard.Api.Monitoring;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LogGuard.Api.Tests;

/// <summary>
/// The self-monitor through HTTP, with the real Quartz scheduler on a one-second interval and a real SQLite
/// file: healthy traffic stays NORMAL, drifted traffic drives WARNING then DEGRADED (rules decide, the model
/// scores in shadow), healthy traffic again brings NORMAL back, and a replay of the stored runs agrees.
/// </summary>
public sealed class MonitoringEndToEndTests
{
    private static readonly TimeSpan PhaseLimit = TimeSpan.FromSeconds(120);

    private static Dictionary<string, string?> MonitoringSettings(bool scheduler) => new()
    {
        ["LogGuard:Monitoring:Enabled"] = scheduler ? "true" : "false",
        ["LogGuard:Monitoring:IntervalSeconds"] = "1",
        ["LogGuard:Monitoring:SettleMilliseconds"] = scheduler ? "300" : "0",
        ["LogGuard:Monitoring:BaselineSize"] = "400",
        ["LogGuard:Monitoring:MinSamples"] = "150",
        ["LogGuard:Monitoring:MinFallbackSeconds"] = "0",
        ["LogGuard:Security:AdminApiKey"] = "test-admin-key",
    };

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Monitor_DriftThenRecovery_FallsBackToRulesAndComesBack(string provider)
    {
        using var factory = new LogGuardFactory(MonitoringSettings(scheduler: true), provider);
        var client = factory.CreateClient();
        var traffic = new TrafficSource(seed: 7);
        using var pump = new TrafficPump(client, traffic);

        await StatePolling.WaitForStateAsync(client, state => state["baseline"]!["status"]!.GetValue<string>() == "READY" && RunsSinceBaseline(state) >= 3, PhaseLimit);
        var healthy = await StatePolling.GetStateAsync(client);
        healthy["state"]!.GetValue<string>().Should().Be("NORMAL");

        pump.Drift = true;
        var degraded = await StatePolling.WaitForStateAsync(client, state => state["state"]!.GetValue<string>() == "DEGRADED", PhaseLimit);
        degraded["fallbackActive"]!.GetValue<bool>().Should().BeTrue();

        var body = await (await client.PostLinesAsync(["2026-03-04 10:01:02,123 INFO [main] c.e.orders.OrderService - Order 48213 created in 35ms"])).JsonAsync();
        body["state"]!.GetValue<string>().Should().Be("DEGRADED");
        var result = body["results"]![0]!;
        result["decidedBy"]!.GetValue<string>().Should().Be("rules");
        result["fallbackUsed"]!.GetValue<bool>().Should().BeTrue();
        result["model"]!["probability"]!.GetValue<double>().Should().BeInRange(0, 1, "the model keeps scoring in shadow");

        var incidentId = degraded["openIncidentId"]!.GetValue<long>();
        var incident = await WaitForIncidentExplanationAsync(client, incidentId);
        incident["severity"]!.GetValue<string>().Should().Be("DEGRADED");
        incident["fallbackActivated"]!.GetValue<bool>().Should().BeTrue();
        incident["evidence"]!.AsArray().Should().NotBeEmpty();
        incident["explanations"]!.AsArray().Select(explanation => explanation!["summary"]!.GetValue<string>())
            .Should().Contain(summary => summary.Contains("to DEGRADED") && summary.Contains("The rules now decide"), "escalation is explained as well as the first step");

        pump.Drift = false;
        await StatePolling.WaitForStateAsync(client, state => state["state"]!.GetValue<string>() == "NORMAL", PhaseLimit);
        pump.Dispose();

        var resolved = await (await client.GetAsync($"/incidents/{incidentId}")).JsonAsync();
        resolved["resolved"]!.GetValue<bool>().Should().BeTrue();

        var transitions = await factory.QueryAsync(db => db.StateTransitions.OrderBy(row => row.Id).Select(row => row.FromState + ">" + row.ToState).ToListAsync());
        transitions.Should().ContainInOrder("NORMAL>WARNING", "WARNING>DEGRADED", "DEGRADED>NORMAL");

        var replay = await factory.Services.GetRequiredService<ReplayService>().ReplayAsync(CancellationToken.None);
        replay.Matches.Should().BeTrue(string.Join("; ", replay.Mismatches));
        replay.ReplayedTransitions.Should().Be(transitions.Count);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Monitor_NoDriftSoakOfThirtyRuns_NeverChangesState(string provider)
    {
        using var factory = new LogGuardFactory(MonitoringSettings(scheduler: false), provider);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "test-admin-key");
        var traffic = new TrafficSource(seed: 11);

        for (var i = 0; i < 4; i++)
        {
            (await client.PostLinesAsync(traffic.Healthy(100))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var severities = new List<string>();
        for (var run = 0; run < 30; run++)
        {
            for (var batch = 0; batch < 3; batch++)
            {
                await client.PostLinesAsync(traffic.Healthy(100));
            }

            var result = await (await client.PostAsync("/admin/monitor/run", null)).JsonAsync();
            result["status"]!.GetValue<string>().Should().Be("EVALUATED");
            result["transition"].Should().BeNull();
            severities.Add(result["severity"]!.GetValue<string>());
        }

        severities.Should().HaveCount(30).And.NotContain("CRITICAL");
        (await StatePolling.GetStateAsync(client))["state"]!.GetValue<string>().Should().Be("NORMAL");
        (await factory.QueryAsync(db => db.StateTransitions.CountAsync())).Should().Be(0);
        (await factory.QueryAsync(db => db.WindowMetrics.SumAsync(row => row.PredictionCount))).Should().Be(30 * 300, "tumbling windows count every prediction once");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Admin_WithoutKey_IsRefusedAndWithoutConfiguredKey_DoesNotExist(string provider)
    {
        using (var factory = new LogGuardFactory(MonitoringSettings(scheduler: false), provider))
        {
            var client = factory.CreateClient();
            (await client.PostAsync("/admin/monitor/run", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            client.DefaultRequestHeaders.Add("X-Api-Key", "wrong");
            (await client.PostAsync("/admin/monitor/run", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using var unconfigured = new LogGuardFactory(provider: provider);
        var anonymous = unconfigured.CreateClient();
        anonymous.DefaultRequestHeaders.Add("X-Api-Key", "anything");
        (await anonymous.PostAsync("/admin/monitor/run", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Admin_ForceFallbackAndBack_IsRecordedLikeAnyTransition(string provider)
    {
        using var factory = new LogGuardFactory(MonitoringSettings(scheduler: false), provider);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "test-admin-key");

        (await client.PostAsJsonAsync("/admin/state", new { state = "DEGRADED", reason = "planned model upgrade" })).StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await (await client.PostLinesAsync(["all good here"])).JsonAsync();
        body["state"]!.GetValue<string>().Should().Be("DEGRADED");
        body["results"]![0]!["fallbackUsed"]!.GetValue<bool>().Should().BeTrue();

        (await client.PostAsJsonAsync("/admin/state", new { state = "NORMAL", reason = "upgrade done" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await StatePolling.GetStateAsync(client))["state"]!.GetValue<string>().Should().Be("NORMAL");

        var incidents = await (await client.GetAsync("/incidents")).JsonAsync();
        incidents["items"]![0]!["resolved"]!.GetValue<bool>().Should().BeTrue();
        (await client.PostAsJsonAsync("/admin/state", new { state = "SIDEWAYS", reason = "" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var history = await factory.QueryAsync(db => db.StateTransitions.Select(row => row.Trigger + ":" + row.ToState).ToListAsync());
        history.Should().Equal("operator:DEGRADED", "operator:NORMAL");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Admin_Baseline_SeedsFromTrainingOrRebuildsFromAPeriod(string provider)
    {
        using var factory = new LogGuardFactory(MonitoringSettings(scheduler: false), provider);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "test-admin-key");
        (await client.GetAsync("/baseline")).StatusCode.Should().Be(HttpStatusCode.NotFound, "nothing is baselined before traffic");

        var seeded = await (await client.PostAsJsonAsync("/admin/baseline", new { origin = "training" })).JsonAsync();
        seeded["origin"]!.GetValue<string>().Should().Be("training");
        var fromTraining = await (await client.GetAsync("/baseline")).JsonAsync();
        fromTraining["summary"]!["count"]!.GetValue<long>().Should().BeGreaterThan(1000, "the held-out set is the sample");

        var from = DateTime.UtcNow.AddSeconds(-1);
        await client.PostLinesAsync(new TrafficSource(seed: 3).Healthy(250));
        var rebuilt = await client.PostAsJsonAsync("/admin/baseline", new { origin = "traffic", from, to = DateTime.UtcNow.AddSeconds(1) });
        rebuilt.StatusCode.Should().Be(HttpStatusCode.OK);
        var fromTraffic = await (await client.GetAsync("/baseline")).JsonAsync();
        fromTraffic["origin"]!.GetValue<string>().Should().Be("traffic");
        fromTraffic["sampleSize"]!.GetValue<long>().Should().Be(250);
        (await client.PostAsJsonAsync("/admin/baseline", new { origin = "guess" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private static int RunsSinceBaseline(JsonNode state) => state["lastRun"] is null ? 0 : state["streaks"]!["normal"]!.GetValue<int>();

    private static async Task<JsonNode> WaitForIncidentExplanationAsync(HttpClient client, long id)
    {
        var deadline = DateTime.UtcNow + PhaseLimit;
        while (true)
        {
            var incident = await (await client.GetAsync($"/incidents/{id}")).JsonAsync();
            var explanations = incident["explanations"]!.AsArray();
            if (explanations.Any(explanation => explanation!["summary"]!.GetValue<string>().Contains("to DEGRADED")) || DateTime.UtcNow > deadline)
            {
                return incident;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Keeps posting batches of healthy or drifted lines until disposed.</summary>
    private sealed class TrafficPump : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public TrafficPump(HttpClient client, TrafficSource traffic)
        {
            _loop = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    var lines = Drift ? traffic.Drifted(100) : traffic.Healthy(100);
                    await client.PostLinesAsync(lines, Drift ? "unknown-app" : "fleet");
                    await Task.Delay(50);
                }
            });
        }

        public volatile bool Drift;

        public void Dispose()
        {
            if (!_stop.IsCancellationRequested)
            {
                _stop.Cancel();
                _loop.Wait(TimeSpan.FromSeconds(10));
            }

            _stop.Dispose();
        }
    }
}
