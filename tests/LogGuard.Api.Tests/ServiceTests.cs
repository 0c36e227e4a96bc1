using System.Net;
using System.Text.Json.Nodes;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Testing.Databases;

namespace LogGuard.Api.Tests;

public sealed class ServiceTests
{
    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Ready_WithDatabaseAndModel_Answers200WithEachDependency(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);

        var response = await factory.CreateClient().GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body["status"]!.GetValue<string>().Should().Be("ready");
        body["database"]!["migrationsApplied"]!.GetValue<bool>().Should().BeTrue();
        body["model"]!["loaded"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Live_Answers200()
    {
        using var factory = new LogGuardFactory();

        (await factory.CreateClient().GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Model_Loaded_ExposesTrainerMetadata()
    {
        using var factory = new LogGuardFactory();

        var body = await (await factory.CreateClient().GetAsync("/model")).JsonAsync();

        body["loaded"]!.GetValue<bool>().Should().BeTrue();
        body["kind"]!.GetValue<string>().Should().Be("Sdca");
        body["rulesVersion"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        var metadata = body["metadata"]!;
        metadata["dataFingerprint"]!.GetValue<string>().Should().HaveLength(64);
        metadata["heldOut"]!["f1"]!.GetValue<double>().Should().BeInRange(0, 1);
        metadata["split"]!.GetValue<string>().Should().Contain("template");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Detect_SameLineShapeTwice_SecondIsServedFromTheScoreCacheWithTheSameProbability(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        var client = factory.CreateClient();

        // The same wording with other numbers and addresses is the same model text.
        var first = await (await client.PostLinesAsync(["Failed password for root from 203.0.113.7 port 40022 ssh2"])).JsonAsync();
        var second = await (await client.PostLinesAsync(["Failed password for root from 198.51.100.9 port 51877 ssh2"])).JsonAsync();
        var cache = (await (await client.GetAsync("/model")).JsonAsync())["scoreCache"]!;

        second["results"]![0]!["model"]!["probability"]!.GetValue<double>()
            .Should().Be(first["results"]![0]!["model"]!["probability"]!.GetValue<double>());
        cache["slots"]!.GetValue<int>().Should().Be(16_384);
        cache["hits"]!.GetValue<long>().Should().Be(1);
        cache["misses"]!.GetValue<long>().Should().Be(1);
    }

    [Fact]
    public async Task Model_ScoreCacheOff_ReportsNoCache()
    {
        using var factory = new LogGuardFactory(new Dictionary<string, string?> { ["LogGuard:Model:ScoreCacheSlots"] = "0" });

        var body = await (await factory.CreateClient().GetAsync("/model")).JsonAsync();

        body["loaded"]!.GetValue<bool>().Should().BeTrue();
        body["scoreCache"].Should().BeNull();
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Start_ModelMissing_AnswersByRulesAndSaysSo(string provider)
    {
        using var factory = new LogGuardFactory(new Dictionary<string, string?> { ["LogGuard:Model:Directory"] = Directory.CreateTempSubdirectory().FullName }, provider);
        var client = factory.CreateClient();

        var body = await (await client.PostLinesAsync(["sshd[1]: Failed password for root from 10.0.0.9 port 22 ssh2", "all good here"])).JsonAsync();

        body["modelLoaded"]!.GetValue<bool>().Should().BeFalse();
        body["modelVersion"]!.GetValue<string>().Should().Be("none");
        foreach (var result in body["results"]!.AsArray())
        {
            result!["decidedBy"]!.GetValue<string>().Should().Be("rules");
            result["fallbackUsed"]!.GetValue<bool>().Should().BeTrue();
            result["model"].Should().BeNull();
        }

        body["results"]![0]!["label"]!.GetValue<string>().Should().Be("suspicious");
        var ready = await (await client.GetAsync("/health/ready")).JsonAsync();
        ready["status"]!.GetValue<string>().Should().Be("ready");
        ready["model"]!["loaded"]!.GetValue<bool>().Should().BeFalse();
        ready["model"]!["reason"]!.GetValue<string>().Should().Contain("not found");
    }

    [Fact]
    public async Task Start_BrokenRulesFile_ExitsNamingTheRule()
    {
        var rules = Path.Combine(Directory.CreateTempSubdirectory().FullName, "rules.json");
        File.WriteAllText(rules, """{ "version": "x", "rules": [ { "id": "BAD", "description": "d", "category": "c", "weight": 0.5, "pattern": "(a)\\1" } ] }""");

        var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(new Dictionary<string, string> { ["LogGuard__Rules__FilePath"] = rules }, TimeSpan.FromMinutes(2));

        exitCode.Should().NotBe(0);
        output.Should().Contain("rule #0 ('BAD')").And.Contain("without backtracking");
    }

    [Fact]
    public async Task Start_InvalidThreshold_ExitsNamingTheSetting()
    {
        var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(new Dictionary<string, string> { ["LogGuard__Hybrid__ModelThreshold"] = "1.5" }, TimeSpan.FromMinutes(2));

        exitCode.Should().NotBe(0);
        output.Should().Contain("ModelThreshold");
    }

    [Fact]
    public async Task Swagger_EveryOperation_HasNameSummaryDescriptionAndTag()
    {
        using var factory = new LogGuardFactory();

        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

        var operations = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(operation => operation.Value!)).ToList();
        operations.Should().NotBeEmpty().And.AllSatisfy(operation =>
        {
            operation["operationId"].Should().NotBeNull();
            operation["summary"].Should().NotBeNull();
            operation["description"].Should().NotBeNull();
            operation["tags"]!.AsArray().Should().NotBeEmpty();
        });
        document["paths"]!["/detect"]!["post"]!["requestBody"]!["content"]!["application/json"].Should().NotBeNull();
        document["components"]!["schemas"]!["DetectRequest"]!["properties"]!["lines"]!["example"].Should().NotBeNull();
    }

    [Fact]
    public async Task Swagger_SwitchedOff_IsNotServed()
    {
        using var factory = new LogGuardFactory(new Dictionary<string, string?> { ["LogGuard:Swagger:Enabled"] = "false" });

        (await factory.CreateClient().GetAsync("/swagger/v1/swagger.json")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
