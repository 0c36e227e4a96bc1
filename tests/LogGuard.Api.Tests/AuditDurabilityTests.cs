using System.Net;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Data;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Api.Tests;

public sealed class AuditDurabilityTests
{
    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Detect_FiftyConcurrentRequestsOfTwentyLines_StoreExactlyOneThousandRowsWithDistinctIds(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        var client = factory.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(request =>
            client.PostLinesAsync(Enumerable.Range(0, 20).Select(line => $"2026-03-04 10:01:02,123 INFO [worker-{request}] job {line} done"))));

        responses.Should().AllSatisfy(response => response.StatusCode.Should().Be(HttpStatusCode.OK));
        var ids = new List<long>();
        foreach (var response in responses)
        {
            ids.AddRange((await response.JsonAsync())["results"]!.AsArray().Select(result => result!["id"]!.GetValue<long>()));
        }

        ids.Should().HaveCount(1000).And.OnlyHaveUniqueItems();
        var stored = await factory.QueryAsync(db => db.PredictionLogs.Select(row => row.Id).ToListAsync());
        stored.Should().BeEquivalentTo(ids);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Restart_SameDatabase_KeepsEveryVerdict(string provider)
    {
        using var database = TestDatabase.Create(provider);
        long id;
        using (var first = new LogGuardFactory(database: database))
        {
            var body = await (await first.CreateClient().PostLinesAsync(["sshd[1]: Failed password for root from 10.0.0.9 port 22 ssh2"])).JsonAsync();
            id = body["results"]![0]!["id"]!.GetValue<long>();
        }

        using var second = new LogGuardFactory(database: database);
        await second.CreateClient().GetAsync("/health/ready");

        var row = await second.QueryAsync(db => db.PredictionLogs.SingleAsync(log => log.Id == id));
        row.Label.Should().Be("suspicious");
        var next = await (await second.CreateClient().PostLinesAsync(["next line"])).JsonAsync();
        next["results"]![0]!["id"]!.GetValue<long>().Should().BeGreaterThan(id);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Detect_CommitFails_Answers503AndStoresNothing(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        var client = factory.CreateClient();
        await client.GetAsync("/health/live");
        await factory.ExecuteSqlAsync(provider == DatabaseProviders.Sqlite
            ? "CREATE TRIGGER refuse_audit BEFORE INSERT ON prediction_logs BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;"
            : """
              CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$;
              CREATE TRIGGER refuse_audit BEFORE INSERT ON prediction_logs FOR EACH ROW EXECUTE FUNCTION refuse_audit();
              """);

        var refused = await client.PostLinesAsync(["first line", "second line"]);

        refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter.Should().NotBeNull();
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await factory.QueryAsync(db => db.PredictionLogs.CountAsync())).Should().Be(0);

        await factory.ExecuteSqlAsync(provider == DatabaseProviders.Sqlite ? "DROP TRIGGER refuse_audit;" : "DROP TRIGGER refuse_audit ON prediction_logs;");
        (await client.PostLinesAsync(["third line"])).StatusCode.Should().Be(HttpStatusCode.OK);
        (await factory.QueryAsync(db => db.PredictionLogs.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task Detect_QueueCannotTakeTheRequest_Answers503WithRetryAfter()
    {
        using var factory = new LogGuardFactory(new Dictionary<string, string?>
        {
            ["LogGuard:Audit:QueueCapacityLines"] = "100",
            ["LogGuard:Audit:RetryAfterSeconds"] = "7",
        });

        var response = await factory.CreateClient().PostLinesAsync(Enumerable.Range(0, 101).Select(i => $"line {i}"));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(7));
        (await response.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("queue is full");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Detect_StoreRawLinesOn_KeepsTheLineAsSent(string provider)
    {
        using var factory = new LogGuardFactory(new Dictionary<string, string?> { ["LogGuard:Audit:StoreRawLines"] = "true" }, provider);

        var body = await (await factory.CreateClient().PostLinesAsync(["login from 203.0.113.7"])).JsonAsync();
        var id = body["results"]![0]!["id"]!.GetValue<long>();

        var row = await factory.QueryAsync(db => db.PredictionLogs.SingleAsync(log => log.Id == id));
        row.RawLine.Should().Be("login from 203.0.113.7");
        row.InputSummary.Should().NotContain("203.0.113.7");
    }
}
