using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Api.Tests;

/// <summary>Client keys, the admin key, rate limits and the headers every answer carries.</summary>
public sealed class AccessControlTests
{
    private const string ShipperKey = "shipper-key-0f9c1d";
    private const string AnalystKey = "analyst-key-77ab02";

    private static Dictionary<string, string?> Keys(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["LogGuard:Security:AdminApiKey"] = "test-admin-key",
            ["LogGuard:Security:ApiKeys:0:Name"] = "fluent-bit",
            ["LogGuard:Security:ApiKeys:0:Sha256"] = Sha256(ShipperKey),
            ["LogGuard:Security:ApiKeys:1:Name"] = "analyst",
            ["LogGuard:Security:ApiKeys:1:Sha256"] = Sha256(AnalystKey),
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Detect_WithKeysConfigured_NeedsOneAndRecordsItsNameOnEachRow(string provider)
    {
        using var factory = new LogGuardFactory(Keys(), provider);
        var client = factory.CreateClient();

        var anonymous = await client.PostLinesAsync(["GET /health 200"]);
        var wrong = await Send(client, "/detect", "X-Api-Key", "not-a-key");
        var byHeader = await Send(client, "/detect", "X-Api-Key", ShipperKey);
        var byBearer = await Send(client, "/detect", "Authorization", "Bearer " + AnalystKey);
        var byAdmin = await Send(client, "/detect", "X-Api-Key", "test-admin-key");

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.JsonAsync())["title"]!.GetValue<string>().Should().Be("API key required");
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        new[] { byHeader, byBearer, byAdmin }.Should().OnlyContain(response => response.StatusCode == HttpStatusCode.OK);
        var names = await factory.QueryAsync(db => db.PredictionLogs.OrderBy(row => row.Id).Select(row => row.ClientName).ToListAsync());
        names.Should().Equal("fluent-bit", "analyst", "admin");
    }

    [Fact]
    public async Task Routes_WithKeysConfigured_ReadingNeedsAKeyButHealthAndMetricsDoNot()
    {
        using var factory = new LogGuardFactory(Keys());
        var client = factory.CreateClient();

        foreach (var path in new[] { "/state", "/incidents", "/model", "/analysis/quality", "/monitoring/runs" })
        {
            (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, path);
        }

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.SendAsync(WithHeader(new HttpRequestMessage(HttpMethod.Get, "/state"), "X-Api-Key", AnalystKey))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.SendAsync(WithHeader(new HttpRequestMessage(HttpMethod.Post, "/admin/monitor/run"), "X-Api-Key", AnalystKey)))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a client key is not the admin key");
    }

    [Fact]
    public async Task Feedback_WithAKey_RecordsWhoLabelled()
    {
        using var factory = new LogGuardFactory(Keys());
        var client = factory.CreateClient();
        var detected = await (await Send(client, "/detect", "X-Api-Key", ShipperKey)).JsonAsync();
        var id = detected["results"]![0]!["id"]!.GetValue<long>();

        var request = WithHeader(new HttpRequestMessage(HttpMethod.Post, "/feedback") { Content = JsonContent.Create(new { predictionId = id, label = "normal" }) }, "X-Api-Key", AnalystKey);
        (await client.SendAsync(request)).EnsureSuccessStatusCode();

        var labelledBy = await factory.QueryAsync(db => db.Feedback.Select(row => row.LabelledBy).SingleAsync());
        labelledBy.Should().Be("analyst");
    }

    [Fact]
    public async Task Detect_ClientOverItsRate_Gets429WithRetryAfterWhileAnotherClientDoesNot()
    {
        using var factory = new LogGuardFactory(Keys(new() { ["LogGuard:RateLimit:RequestsPerSecond"] = "1", ["LogGuard:RateLimit:Burst"] = "1" }));
        var client = factory.CreateClient();

        var flood = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Send(client, "/detect", "X-Api-Key", ShipperKey)));
        var other = await Send(client, "/detect", "X-Api-Key", AnalystKey);

        var limited = flood.Where(response => response.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        limited.Should().NotBeEmpty();
        flood.Should().OnlyContain(response => response.StatusCode == HttpStatusCode.OK || response.StatusCode == HttpStatusCode.TooManyRequests);
        limited[0].Headers.RetryAfter.Should().NotBeNull();
        (await limited[0].JsonAsync())["title"]!.GetValue<string>().Should().Be("Too many requests");
        other.StatusCode.Should().Be(HttpStatusCode.OK, "each key has its own allowance");
    }

    [Fact]
    public async Task Answers_EvenErrors_CarryTheSecurityHeaders()
    {
        using var factory = new LogGuardFactory();
        var client = factory.CreateClient();

        foreach (var response in new[] { await client.GetAsync("/health/live"), await client.PostRawAsync("{", "application/json") })
        {
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
            response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
            response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'self'");
        }
    }

    [Theory]
    [InlineData(true, HttpStatusCode.OK)]
    [InlineData(false, HttpStatusCode.NotFound)]
    public async Task Dashboard_ServedAtTheRootUnlessSwitchedOff(bool enabled, HttpStatusCode expected)
    {
        using var factory = new LogGuardFactory(new() { ["LogGuard:Dashboard:Enabled"] = enabled ? "true" : "false" });

        var response = await factory.CreateClient().GetAsync("/");

        response.StatusCode.Should().Be(expected);
        if (enabled)
        {
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
            (await response.Content.ReadAsStringAsync()).Should().Contain("data-testid=\"state\"").And.NotContain("http://", "nothing is loaded from elsewhere");
        }
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("https://ops.example.com", true)]
    public async Task Cors_ClosedUnlessTheOriginIsConfigured(string? origin, bool allowed)
    {
        using var factory = new LogGuardFactory(origin is null ? [] : new() { ["LogGuard:Security:CorsOrigins:0"] = origin });
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/detect");
        preflight.Headers.Add("Origin", "https://ops.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await factory.CreateClient().SendAsync(preflight);

        response.Headers.Contains("Access-Control-Allow-Origin").Should().Be(allowed);
    }

    [Fact]
    public async Task Start_KeyWithoutAValidDigest_ExitsNamingTheSetting()
    {
        var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(
            new Dictionary<string, string> { ["LogGuard__Security__ApiKeys__0__Name"] = "x", ["LogGuard__Security__ApiKeys__0__Sha256"] = "plaintext-key" },
            TimeSpan.FromMinutes(2));

        exitCode.Should().NotBe(0);
        output.Should().Contain("Security:ApiKeys:0:Sha256");
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string path, string header, string value) =>
        client.SendAsync(WithHeader(
            new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("""{"lines":["GET /health 200"]}""", Encoding.UTF8, "application/json") },
            header,
            value));

    private static HttpRequestMessage WithHeader(HttpRequestMessage request, string header, string value)
    {
        request.Headers.TryAddWithoutValidation(header, value);
        return request;
    }

    private static string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
