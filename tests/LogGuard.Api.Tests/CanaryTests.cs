using System.Net;
using LogGuard.Api.Monitoring;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Monitoring;
using LogGuard.Core.Monitoring.Signals;
using LogGuard.Testing.Databases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LogGuard.Api.Tests;

/// <summary>The golden set holds each model to the accuracy recorded for it: a wrong model never decides.</summary>
public sealed class CanaryTests : IDisposable
{
    private readonly WrongModel _models = new();

    [Fact]
    public async Task WrongModelFile_IsRefusedAtStart_AndTheRulesAnswerAlone()
    {
        _models.RegisterAsActive();
        using var factory = new LogGuardFactory(new Dictionary<string, string?> { ["LogGuard:Model:Directory"] = _models.Folder });
        var client = factory.CreateClient();

        var model = await (await client.GetAsync("/model")).JsonAsync();
        var detect = await (await client.PostLinesAsync(["May 12 08:20:11 bastion sshd[1]: Failed password for root from 203.0.113.50 port 22 ssh2"])).JsonAsync();

        model["loaded"]!.GetValue<bool>().Should().BeFalse();
        model["unavailableReason"]!.GetValue<string>().Should().Contain("failed the canary").And.Contain(_models.ClaimedVersion);
        detect["modelLoaded"]!.GetValue<bool>().Should().BeFalse();
        detect["results"]![0]!["decidedBy"]!.GetValue<string>().Should().Be("rules");
    }

    [Fact]
    public async Task CorruptModelFile_IsRefusedAtStart_WithTheReason()
    {
        File.WriteAllBytes(Path.Combine(_models.Folder, _models.Registry.Active!.File), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))]);
        using var factory = new LogGuardFactory(new Dictionary<string, string?> { ["LogGuard:Model:Directory"] = _models.Folder });
        var client = factory.CreateClient();

        var model = await (await client.GetAsync("/model")).JsonAsync();
        var ready = await (await client.GetAsync("/health/ready")).JsonAsync();

        model["loaded"]!.GetValue<bool>().Should().BeFalse();
        model["unavailableReason"]!.GetValue<string>().Should().Contain("cannot be loaded");
        ready.ToJsonString().Should().Contain("cannot be loaded");
    }

    [Fact]
    public async Task ShippedModel_PassesTheCanaryAtStart()
    {
        using var factory = new LogGuardFactory(new Dictionary<string, string?> { ["LogGuard:Model:Directory"] = _models.Folder });

        var model = await (await factory.CreateClient().GetAsync("/model")).JsonAsync();

        model["loaded"]!.GetValue<bool>().Should().BeTrue();
        model["canary"]!["passed"]!.GetValue<bool>().Should().BeTrue();
        model["canary"]!["accuracy"]!.GetValue<double>().Should().Be(_models.Registry.Active!.GoldenAccuracy);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task ModelFailingTheCanaryDuringARun_FallsBackAtOnce_AndReplayAgrees(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
        using var factory = new LogGuardFactory(
            new Dictionary<string, string?>
            {
                ["LogGuard:Model:Directory"] = _models.Folder,
                ["LogGuard:Monitoring:SettleMilliseconds"] = "0",
                ["LogGuard:Monitoring:BaselineSize"] = "100",
                ["LogGuard:Monitoring:MinSamples"] = "50",
            },
            provider,
            services: services => services.AddSingleton<TimeProvider>(clock));
        var client = factory.CreateClient();
        var traffic = new TrafficSource(seed: 3);
        (await client.PostLinesAsync(traffic.Healthy(100))).StatusCode.Should().Be(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromSeconds(1));
        var monitor = factory.Services.GetRequiredService<MonitorService>();
        (await monitor.RunOnceAsync(CancellationToken.None)).State.Should().Be(SystemState.Normal);

        // The served model changes under the service: same version, wrong answers.
        factory.Services.GetRequiredService<ActiveModel>().Swap(_models.Load());
        (await client.PostLinesAsync(traffic.Healthy(100))).StatusCode.Should().Be(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromMinutes(1));
        var run = await monitor.RunOnceAsync(CancellationToken.None);

        run.State.Should().Be(SystemState.Degraded, "a failed canary cannot wait for CriticalAfter runs");
        run.Signals.Should().Contain(signal => signal.Name == "canary_accuracy" && signal.Verdict == Severity.Critical);
        run.Transition!.To.Should().Be(SystemState.Degraded);
        var replay = await factory.Services.GetRequiredService<ReplayService>().ReplayAsync(CancellationToken.None);
        replay.Matches.Should().BeTrue(string.Join("; ", replay.Mismatches));
    }

    public void Dispose() => _models.Dispose();
}
