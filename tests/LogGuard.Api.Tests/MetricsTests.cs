using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using LogGuard.Api.Tests.Infrastructure;

namespace LogGuard.Api.Tests;

// Meters are process-wide: these tests run alone, so that no other test's traffic reaches their exporter.
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsCollection;

/// <summary>/metrics read as Prometheus would, after real traffic.</summary>
[Collection(nameof(MetricsTests))]
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_AfterTraffic_CountLinesVerdictsRejectionsAndTheState()
    {
        using var factory = new LogGuardFactory(new() { ["LogGuard:Security:AdminApiKey"] = "test-admin-key" });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "test-admin-key");

        (await client.PostLinesAsync(["Failed password for root from 203.0.113.9 port 22 ssh2", "GET /health 200", "order 48213 created in 35ms"])).EnsureSuccessStatusCode();
        await client.PostRawAsync("<log/>", "application/xml");
        await client.PostRawAsync("""{"lines":[""]}""");
        var before = await ScrapeAsync(client);
        (await client.PostAsJsonAsync("/admin/state", new { state = "DEGRADED", reason = "metrics test" })).EnsureSuccessStatusCode();
        var after = await ScrapeAsync(client);

        before.Value("logguard_lines_total", "outcome=\"screened\"").Should().Be(3);
        before.Sum("logguard_verdicts_total").Should().Be(3);
        before.Sum("logguard_verdicts_total", "label=\"suspicious\"").Should().Be(1);
        before.Value("logguard_rejections_total", "reason=\"unsupported_media_type\"").Should().Be(1);
        before.Value("logguard_rejections_total", "reason=\"validation\"").Should().Be(1);
        before.Value("logguard_requests_total", "outcome=\"accepted\"").Should().Be(1);
        before.Value("logguard_requests_total", "outcome=\"rejected\"").Should().Be(2);
        before.Value("logguard_detect_duration_seconds_count", "route=\"/detect\"").Should().Be(3);
        before.Value("logguard_state", "state=\"NORMAL\"").Should().Be(1);
        before.Value("logguard_fallback_active").Should().Be(0);
        before.Value("logguard_incidents_opened_total").Should().Be(0);
        before.Sum("http_server_request_duration_seconds_count").Should().BeGreaterThanOrEqualTo(3, "ASP.NET Core's own metrics are exported too");
        before.Value("dotnet_process_memory_working_set_bytes").Should().BeGreaterThan(0, "the runtime's own metrics are exported too");
        before.Sum("dotnet_gc_heap_total_allocated_bytes_total").Should().BeGreaterThan(0);

        after.Value("logguard_state", "state=\"DEGRADED\"").Should().Be(1);
        after.Value("logguard_state", "state=\"NORMAL\"").Should().Be(0);
        after.Value("logguard_fallback_active").Should().Be(1);
        after.Value("logguard_incidents_opened_total").Should().Be(1);
    }

    [Fact]
    public async Task Metrics_AfterScheduledMonitorRuns_ShowEachSignalAndTheLastSuccess()
    {
        using var factory = new LogGuardFactory(new()
        {
            ["LogGuard:Monitoring:Enabled"] = "true",
            ["LogGuard:Monitoring:IntervalSeconds"] = "1",
            ["LogGuard:Monitoring:SettleMilliseconds"] = "300",
            ["LogGuard:Monitoring:BaselineSize"] = "400",
            ["LogGuard:Monitoring:MinSamples"] = "150",
        });
        var client = factory.CreateClient();
        var traffic = new TrafficSource(seed: 11);
        (await client.PostLinesAsync(traffic.Healthy(400))).EnsureSuccessStatusCode();
        (await client.PostLinesAsync(traffic.Healthy(300))).EnsureSuccessStatusCode();

        var scrape = await PollAsync(client, scrape => scrape.Sum("logguard_monitor_signal_value", "signal=\"positive_rate\"") > 0, TimeSpan.FromSeconds(60));

        scrape.Value("logguard_monitor_signal_value", "signal=\"positive_rate\"").Should().BeInRange(0, 1);
        scrape.Value("logguard_monitor_signal_verdict", "signal=\"positive_rate\"").Should().BeOneOf(-1, 0, 1, 2);
        scrape.Value("logguard_monitor_last_success_seconds").Should().BeGreaterThan(1.7e9, "a Unix time in seconds");
        scrape.Sum("logguard_monitor_run_duration_seconds_count").Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Metrics_PastTheSeriesLimit_AddToOneOverflowSeriesAndKeepTheTotal()
    {
        using var factory = new LogGuardFactory(new() { ["LogGuard:Metrics:MaxSeriesPerMetric"] = "10" });
        var client = factory.CreateClient();
        string[] paths = ["/model", "/health/live", "/health/ready", "/state", "/incidents", "/incidents/1", "/baseline", "/monitoring/runs", "/feedback/export", "/feedback/1", "/analysis/quality", "/analysis/review-queue", "/no-such-route"];
        foreach (var path in paths)
        {
            await client.GetAsync(path);
        }

        (await client.PostLinesAsync(["GET /index.html 200"])).EnsureSuccessStatusCode();
        await client.PostRawAsync("<log/>", "application/xml");
        await client.PostRawAsync("""{"lines":[""]}""");

        var scrape = await ScrapeAsync(client);

        scrape.Sum("http_server_request_duration_seconds_count", "otel_metric_overflow=\"true\"").Should().BeGreaterThan(0);
        scrape.Sum("http_server_request_duration_seconds_count").Should().BeGreaterThanOrEqualTo(paths.Length + 3, "no request is lost to the limit");
        scrape.Value("logguard_audit_commit_lines_bucket", "le=\"2\"").Should().Be(1, "the limit keeps each histogram's own buckets (2 is not among OpenTelemetry's defaults)");
    }

    [Fact]
    public async Task Metrics_SwitchedOff_IsNotServed()
    {
        using var factory = new LogGuardFactory(new() { ["LogGuard:Metrics:Enabled"] = "false" });

        var response = await factory.CreateClient().GetAsync("/metrics");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    // The scheduler runs on its own clock: wait for what it writes, however long the machine takes, up to a limit.
    private static async Task<Scrape> PollAsync(HttpClient client, Func<Scrape, bool> ready, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var scrape = await ScrapeAsync(client);
            if (ready(scrape) || DateTime.UtcNow > deadline)
            {
                return scrape;
            }

            await Task.Delay(250);
        }
    }

    private static async Task<Scrape> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        return new Scrape(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Samples of the Prometheus text format: <c>name{labels} value</c>, comments skipped.</summary>
    private sealed class Scrape(string text)
    {
        private readonly List<(string Name, string Labels, double Value)> _samples = [.. text.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(Parse)];

        public double Value(string name, string? label = null) =>
            _samples.Where(sample => Matches(sample, name, label)).Should().ContainSingle($"one sample of {name} {label}").Subject.Value;

        public double Sum(string name, string? label = null) => _samples.Where(sample => Matches(sample, name, label)).Sum(sample => sample.Value);

        private static bool Matches((string Name, string Labels, double Value) sample, string name, string? label) =>
            sample.Name == name && (label is null || sample.Labels.Contains(label, StringComparison.Ordinal));

        private static (string, string, double) Parse(string line)
        {
            var space = line.LastIndexOf(' ');
            var series = line[..space];
            var brace = series.IndexOf('{', StringComparison.Ordinal);
            var value = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            return brace < 0 ? (series, "", value) : (series[..brace], series[brace..], value);
        }
    }
}
