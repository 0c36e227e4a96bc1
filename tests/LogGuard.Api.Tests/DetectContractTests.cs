using System.Net;
using System.Text;
using System.Text.Json;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Api.Tests;

public sealed class DetectContractTests
{
    private const string AttackLine = "203.0.113.7 - - [04/Mar/2026:10:01:02 +0000] \"GET /products?id=1%27%20OR%201%3D1-- HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"";
    private const string NormalLine = "2026-03-04 10:01:02,123 INFO [main] c.e.orders.OrderService - Order 48213 created in 35ms";
    private const string SecretLine = "POST /login user=bob password=hunter2 from 198.51.100.23 mail bob@example.com\r\n";

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Detect_ValidLines_AnswersOneResultPerLineInOrder(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        var response = await factory.CreateClient().PostLinesAsync([AttackLine, NormalLine], "contract-test");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body["state"]!.GetValue<string>().Should().Be("NORMAL");
        body["modelLoaded"]!.GetValue<bool>().Should().BeTrue();
        body["modelVersion"]!.GetValue<string>().Should().StartWith("sdca-");
        var results = body["results"]!.AsArray();
        results.Should().HaveCount(2);

        var attack = results[0]!;
        attack["label"]!.GetValue<string>().Should().Be("suspicious");
        attack["decidedBy"]!.GetValue<string>().Should().Be("rules");
        attack["rules"]!["triggered"]!.AsArray().Select(rule => rule!["id"]!.GetValue<string>()).Should().Contain("LG-SQLI-001");
        attack["model"]!["probability"]!.GetValue<double>().Should().BeInRange(0, 1);
        attack["severity"]!.GetValue<string>().Should().Be("critical", "a red-flag rule of weight 0.95 puts the score in the critical band");
        attack["model"]!["evidence"]!.AsArray().Should().BeEmpty("evidence is computed only when asked for");

        var normal = results[1]!;
        normal["label"]!.GetValue<string>().Should().Be("normal");
        normal["fallbackUsed"]!.GetValue<bool>().Should().BeFalse();
        normal["severity"]!.GetValue<string>().Should().Be("none");
        normal["confidence"]!.GetValue<double>().Should().BeApproximately(Math.Abs((2 * normal["score"]!.GetValue<double>()) - 1), 1e-3);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Detect_ValidLines_RowsAreCommittedWithTheReturnedIds(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        var response = await factory.CreateClient().PostLinesAsync([AttackLine, SecretLine], "audit-test");
        var results = (await response.JsonAsync())["results"]!.AsArray();
        var ids = results.Select(result => result!["id"]!.GetValue<long>()).ToList();

        var rows = await factory.QueryAsync(db => db.PredictionLogs.Where(row => ids.Contains(row.Id)).OrderBy(row => row.Id).ToListAsync());

        rows.Select(row => row.Id).Should().Equal(ids);
        var attack = rows[0];
        attack.Source.Should().Be("audit-test");
        attack.Label.Should().Be(results[0]!["label"]!.GetValue<string>());
        attack.Score.Should().Be(results[0]!["score"]!.GetValue<double>());
        attack.DecidedBy.Should().Be("rules");
        attack.SystemState.Should().Be("NORMAL");
        attack.TriggeredRuleIds.Should().Contain("LG-SQLI-001");
        attack.Format.Should().Be("web_access");
        attack.ModelProbability.Should().NotBeNull();
        attack.TokenCount.Should().BePositive();
        attack.LineLength.Should().Be(AttackLine.Length);
        attack.Timestamp.Kind.Should().Be(DateTimeKind.Utc);

        var secret = rows[1];
        secret.LineLength.Should().Be(SecretLine.TrimEnd().Length, "trailing CR/LF is trimmed");
        secret.InputSummary.Should().NotContain("hunter2").And.NotContain("198.51.100.23").And.NotContain("bob@example.com");
        secret.InputSummary.Should().Contain("password=***").And.Contain("<ip>", "stored JSON is for people and tools: nothing is escaped for HTML");
        secret.RawLine.Should().BeNull("raw lines are stored only when Audit:StoreRawLines is on");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Detect_ExplainRequested_ModelVerdictsNameTheFeaturesThatPushedThem(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        const string FailedLogin = "Dec 10 06:55:46 LabSZ sshd[24200]: Failed password for invalid user webmaster from 173.234.31.186 port 38926 ssh2";
        const string Routine = "2026-03-04 10:01:02,123 INFO [main] c.e.orders.OrderService - Order 48213 created for customer 77 in 35ms";
        var body = new StringContent(JsonSerializer.Serialize(new { lines = new[] { FailedLogin, Routine } }), Encoding.UTF8, "application/json");

        var response = await factory.CreateClient().PostAsync("/detect?explain=true", body);
        var results = (await response.JsonAsync())["results"]!.AsArray();

        var suspicious = results[0]!;
        suspicious["decidedBy"]!.GetValue<string>().Should().Be("hybrid", "the rules and the model agree");
        var evidence = suspicious["model"]!["evidence"]!.AsArray();
        evidence.Should().NotBeEmpty("a model verdict says what pushed it");
        evidence[0]!["weight"]!.GetValue<double>().Should().BePositive("the strongest push towards suspicious comes first");
        evidence.Select(item => item!["feature"]!.GetValue<string>()).Should().OnlyHaveUniqueItems();
        results[1]!["model"]!["evidence"]!.AsArray().Should().BeEmpty("routine lines are not explained");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Detect_LineOfWordsNeverSeenInTraining_RulesDecideAndTheResultSaysTheModelDidNotKnow(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        var response = await factory.CreateClient().PostLinesAsync(["qwzx vbnt plokm ghjrt zxcvq wertp"], "unfamiliar");
        var result = (await response.JsonAsync())["results"]![0]!;

        result["model"]!["unfamiliar"]!.GetValue<bool>().Should().BeTrue();
        result["model"]!["probability"]!.GetValue<double>().Should().BeInRange(0, 1, "the probability is still shown");
        result["decidedBy"]!.GetValue<string>().Should().Be("rules");
        result["label"]!.GetValue<string>().Should().Be("normal");
        result["needsReview"]!.GetValue<bool>().Should().BeFalse();
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Detect_DegradedState_RulesDecideAndModelScoresInShadow(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        await StartAsync(factory);
        await factory.ExecuteSqlAsync("UPDATE system_state SET state = 'DEGRADED', reason = 'test'");
        factory.Services.GetService(typeof(LogGuard.Data.SystemStateCache)).Should().BeOfType<LogGuard.Data.SystemStateCache>().Which.Invalidate();

        var body = await (await factory.CreateClient().PostLinesAsync([NormalLine, "sshd[1]: Failed password for root from 10.0.0.9 port 22 ssh2"])).JsonAsync();

        body["state"]!.GetValue<string>().Should().Be("DEGRADED");
        foreach (var result in body["results"]!.AsArray())
        {
            result!["decidedBy"]!.GetValue<string>().Should().Be("rules");
            result["fallbackUsed"]!.GetValue<bool>().Should().BeTrue();
            result["model"]!["probability"]!.GetValue<double>().Should().BeInRange(0, 1);
        }

        body["results"]![1]!["label"]!.GetValue<string>().Should().Be("suspicious");
        (await factory.QueryAsync(db => db.PredictionLogs.AllAsync(row => row.SystemState == "DEGRADED" && row.FallbackUsed))).Should().BeTrue();
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Detect_Response_CarriesRequestIdHeaderMatchingTheAudit(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        var response = await factory.CreateClient().PostLinesAsync([NormalLine]);
        var body = await response.JsonAsync();

        var requestId = response.Headers.GetValues("X-Request-Id").Single();
        body["requestId"]!.GetValue<string>().Should().Be(requestId);
        var id = body["results"]![0]!["id"]!.GetValue<long>();
        (await factory.QueryAsync(db => db.PredictionLogs.SingleAsync(row => row.Id == id))).RequestId.Should().Be(requestId);
    }

    private static Task<HttpResponseMessage> StartAsync(LogGuardFactory factory) => factory.CreateClient().GetAsync("/health/live");
}
