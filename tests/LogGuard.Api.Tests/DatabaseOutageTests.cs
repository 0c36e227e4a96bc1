using System.Net;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Api.Tests;

/// <summary>The PostgreSQL server goes away while the service runs, then comes back: on a cluster of the test's own.</summary>
public sealed class DatabaseOutageTests
{
    [Theory]
    [PostgresData]
    public async Task Detect_DuringAnOutage_Answers503WithRetryAfterStoresNothingAndRecoversByItself(string provider)
    {
        using var server = PostgresServer.StartNew();
        using var database = TestDatabase.CreateOn(server);
        using var factory = new LogGuardFactory(provider: provider, database: database);
        var client = factory.CreateClient();
        (await client.PostLinesAsync(["before the outage"])).StatusCode.Should().Be(HttpStatusCode.OK);

        server.Stop();
        var refused = await client.PostLinesAsync(["during the outage", "second line"]);
        var ready = await client.GetAsync("/health/ready");
        var state = await client.GetAsync("/state");

        refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "a shipper retries a 503, and must");
        refused.Headers.RetryAfter.Should().NotBeNull();
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ready.JsonAsync())["database"]!["reachable"]!.GetValue<bool>().Should().BeFalse();
        state.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        state.Headers.RetryAfter.Should().NotBeNull();
        (await state.Content.ReadAsStringAsync()).Should().NotContain(server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "the client is not told where the database is");

        server.Resume();
        var recovered = await PostUntilAcceptedAsync(client, "after the outage");

        recovered.Should().BeTrue("the service reconnects by itself once the server is back");
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        var stored = await factory.QueryAsync(db => db.PredictionLogs.OrderBy(row => row.Id).Select(row => row.InputSummary).ToListAsync());
        stored.Should().HaveCount(2).And.Satisfy(
            summary => summary.Contains("before the outage"),
            summary => summary.Contains("after the outage"));
    }

    // Connections that died with the server are found broken on their next use, so the first requests after the
    // server returns may still be refused; a shipper would retry them, and so does this.
    private static async Task<bool> PostUntilAcceptedAsync(HttpClient client, string line)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            if ((await client.PostLinesAsync([line])).StatusCode == HttpStatusCode.OK)
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }
}
