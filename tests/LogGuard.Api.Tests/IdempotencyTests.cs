using System.Net;
using System.Text;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Api.Tests;

/// <summary>A shipper's retry of a request it got no answer to: answered again, stored once.</summary>
public sealed class IdempotencyTests
{
    private const string Body = """[{"log":"Failed password for root from 203.0.113.9 port 22 ssh2"},{"log":"GET /health 200"}]""";

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Detect_RetriedWithTheSameKey_GetsTheFirstAnswerAndStoresNothingTwice(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        var client = factory.CreateClient();

        var first = await client.SendAsync(Request("/detect", Body, "batch-0001"));
        var retry = await client.SendAsync(Request("/detect", Body, "batch-0001"));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        retry.StatusCode.Should().Be(HttpStatusCode.OK);
        (await retry.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await factory.QueryAsync(db => db.PredictionLogs.CountAsync())).Should().Be(2);
    }

    [Fact]
    public async Task Detect_AnotherKeyOrNoKey_IsANewRequest()
    {
        using var factory = new LogGuardFactory();
        var client = factory.CreateClient();

        await client.SendAsync(Request("/detect", Body, "batch-0001"));
        await client.SendAsync(Request("/detect", Body, "batch-0002"));
        await client.SendAsync(Request("/detect", Body, key: null));

        (await factory.QueryAsync(db => db.PredictionLogs.CountAsync())).Should().Be(6);
    }

    [Fact]
    public async Task Detect_SameKeyWithAnotherBody_IsRefused()
    {
        using var factory = new LogGuardFactory();
        var client = factory.CreateClient();

        await client.SendAsync(Request("/detect", Body, "batch-0001"));
        var reused = await client.SendAsync(Request("/detect", """[{"log":"something else"}]""", "batch-0001"));

        reused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await factory.QueryAsync(db => db.PredictionLogs.CountAsync())).Should().Be(2);
    }

    [Fact]
    public async Task Detect_KeyThatIsNotVisibleAscii_IsABadRequest()
    {
        using var factory = new LogGuardFactory();

        var response = await factory.CreateClient().SendAsync(Request("/detect", Body, new string('k', 256)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("Idempotency-Key");
    }

    [Fact]
    public async Task Logs_RetriedWithTheSameKey_StoresNothingTwice()
    {
        using var factory = new LogGuardFactory();
        const string Export = """{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"GET /health 200"}}]}]}]}""";
        var client = factory.CreateClient();

        await client.SendAsync(Request("/v1/logs", Export, "otlp-1"));
        var retry = await client.SendAsync(Request("/v1/logs", Export, "otlp-1"));

        retry.StatusCode.Should().Be(HttpStatusCode.OK);
        (await factory.QueryAsync(db => db.PredictionLogs.CountAsync())).Should().Be(1);
    }

    private static HttpRequestMessage Request(string path, string body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        return request;
    }
}
