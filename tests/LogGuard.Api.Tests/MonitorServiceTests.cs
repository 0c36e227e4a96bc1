using System.Net;
using System.Net.Http.Json;
using LogGuard.Api.Monitoring;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Testing.Databases;
using LogGuard.Core.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LogGuard.Api.Tests;

/// <summary>
/// The monitor's workflow stepped run by run on a fake clock, through the real service, HTTP and each database provider: every
/// rule about time (window edges, the minimum time in fallback) is exercised without waiting for it.
/// </summary>
public sealed class MonitorServiceTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly TrafficSource _traffic = new(seed: 5);
    private LogGuardFactory _factory = null!;
    private HttpClient _client = null!;

    // Each test names its provider, so the service is started by the test rather than the constructor.
    private void Start(string provider)
    {
        _factory = new LogGuardFactory(
            new Dictionary<string, string?>
            {
                ["LogGuard:Monitoring:SettleMilliseconds"] = "0",
                ["LogGuard:Monitoring:BaselineSize"] = "400",
                ["LogGuard:Monitoring:MinSamples"] = "150",
                ["LogGuard:Monitoring:MinFallbackSeconds"] = "600",
                ["LogGuard:Security:AdminApiKey"] = "test-admin-key",
            },
            provider,
            services: services => services.AddSingleton<TimeProvider>(_clock));
        _client = _factory.CreateClient();
        _client.DefaultRequestHeaders.Add("X-Api-Key", "test-admin-key");
    }

    private MonitorService Monitor => _factory.Services.GetRequiredService<MonitorService>();

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task RunOnceAsync_SustainedDrift_WarnsThenFallsBackAndRecoversOnlyAfterTheMinimumTime(string provider)
    {
        Start(provider);
        await PostAsync(_traffic.Healthy(400));
        _clock.Advance(TimeSpan.FromSeconds(1)); // a request's lines share one timestamp; the baseline ends at the last
        (await StepAsync(healthy: true)).State.Should().Be(SystemState.Normal, "the first run freezes the baseline and finds the window healthy");

        var drifted = new List<MonitorRunResult>();
        for (var run = 0; run < 5 && (drifted.Count == 0 || drifted[^1].State != SystemState.Degraded); run++)
        {
            drifted.Add(await StepAsync(healthy: false));
        }

        drifted[0].Transition.Should().BeNull("no single bad run changes anything");
        drifted.Select(result => result.State).Should().ContainInOrder(SystemState.Warning, SystemState.Degraded);
        var fallbackAt = _clock.GetUtcNow();

        var recovering = new List<MonitorRunResult>();
        for (var run = 0; run < 5; run++)
        {
            recovering.Add(await StepAsync(healthy: true));
        }

        recovering.Should().OnlyContain(result => result.State == SystemState.Degraded, "five minutes in fallback are less than MinFallbackSeconds");
        _clock.Advance(TimeSpan.FromMinutes(6));
        var recovered = await StepAsync(healthy: true);
        recovered.State.Should().Be(SystemState.Normal);
        recovered.Transition!.IsRecovery.Should().BeTrue();
        (_clock.GetUtcNow() - fallbackAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(600));

        var counted = await _factory.QueryAsync(db => db.WindowMetrics.SumAsync(row => row.PredictionCount));
        var stored = await _factory.QueryAsync(db => db.PredictionLogs.LongCountAsync());
        counted.Should().Be(stored - 400, "tumbling windows count every prediction after the baseline exactly once");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task ForceState_ToTheStateItIsIn_IsRefusedWith409AndRecordsNothing(string provider)
    {
        Start(provider);
        var response = await _client.PostAsJsonAsync("/admin/state", new { state = "NORMAL", reason = "just in case" });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("NORMAL to NORMAL");
        (await _factory.QueryAsync(db => db.StateTransitions.CountAsync())).Should().Be(0);
    }

    public void Dispose()
    {
        _client?.Dispose();
        _factory?.Dispose();
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task RunOnceAsync_LabelsShowingTheServiceWrongFarMoreOften_FireTheLabelledErrorSignal(string provider)
    {
        Start(provider);
        var baseline = await PostForVerdictsAsync(_traffic.Healthy(400));
        await LabelAsync(baseline.Take(100).Select((verdict, i) => (verdict.Id, i % 20 == 0 ? Flip(verdict.Label) : verdict.Label)));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var window = await PostForVerdictsAsync(_traffic.Healthy(300));
        await LabelAsync(window.Take(60).Select((verdict, i) => (verdict.Id, i % 2 == 0 ? Flip(verdict.Label) : verdict.Label)));
        _clock.Advance(Interval);

        var run = await Monitor.RunOnceAsync(CancellationToken.None);
        var state = await (await _client.GetAsync("/state")).JsonAsync();

        var signal = run.Signals.Single(signal => signal.Name == "labelled_error_rate");
        signal.Baseline.Should().BeApproximately(0.05, 1e-9, "5 of the baseline's 100 labels disagree with the verdict");
        signal.Value.Should().BeApproximately(0.5, 1e-9, "30 of the window's 60 labels do");
        signal.Verdict.Should().Be(Core.Monitoring.Signals.Severity.Critical);
        state["lastRun"]!["signals"]!.AsArray().Should().Contain(shown => shown!["name"]!.GetValue<string>() == "labelled_error_rate"
            && shown["verdict"]!.GetValue<string>() == "CRITICAL");
    }

    private static string Flip(string label) => label == "suspicious" ? "normal" : "suspicious";

    private async Task<List<(long Id, string Label)>> PostForVerdictsAsync(List<string> lines)
    {
        var response = await _client.PostLinesAsync(lines);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return [.. (await response.JsonAsync())["results"]!.AsArray().Select(result => (result!["id"]!.GetValue<long>(), result["label"]!.GetValue<string>()))];
    }

    private async Task LabelAsync(IEnumerable<(long Id, string Label)> labels) =>
        (await _client.PostAsJsonAsync("/feedback", new { items = labels.Select(label => new { predictionId = label.Id, label = label.Label }) })).EnsureSuccessStatusCode();

    private async Task<MonitorRunResult> StepAsync(bool healthy)
    {
        for (var batch = 0; batch < 3; batch++)
        {
            await PostAsync(healthy ? _traffic.Healthy(100) : _traffic.Drifted(100));
        }

        _clock.Advance(Interval);
        return await Monitor.RunOnceAsync(CancellationToken.None);
    }

    private async Task PostAsync(List<string> lines) =>
        (await _client.PostLinesAsync(lines)).StatusCode.Should().Be(HttpStatusCode.OK);
}
