using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using LogGuard.Api.Models;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Core.Detection.Model;
using LogGuard.Data;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LogGuard.Api.Tests;

/// <summary>Promotion through the admin route: refused unless proven better, and swapped in under load when it is.</summary>
public sealed class PromotionTests : IDisposable
{
    private const string AdminKey = "test-admin-key";
    private const string CandidateVersion = "sdca-candidate";

    // The shipped models, plus a candidate: the shipped SDCA files registered again under a new version whose
    // recorded held-out F1 is higher, so the gate's figures decide and the canary holds it to the same accuracy.
    private readonly WrongModel _models = new();

    public PromotionTests()
    {
        var registry = _models.Registry;
        var shipped = registry.Active!;
        var metadata = File.ReadAllText(Path.Combine(_models.Folder, shipped.Metadata)).Replace(shipped.Version, CandidateVersion, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_models.Folder, "candidate.json"), metadata);
        var candidate = shipped with
        {
            Version = CandidateVersion,
            Metadata = "candidate.json",
            Status = ModelStatus.Challenger,
            HeldOut = shipped.HeldOut! with { F1 = shipped.HeldOut.F1 + 0.01 },
        };
        new ModelRegistry([.. registry.Models, candidate]).Save(_models.Folder);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Challenger_WithAWorseFalsePositiveRate_IsRefused_AndTheDecisionIsRecorded(string provider)
    {
        using var factory = Start(provider);
        var client = AdminClient(factory);
        var challenger = _models.Registry.Models.Single(model => model.Kind == "FastTree").Version;

        var response = await client.PostAsync($"/admin/models/{challenger}/promote", null);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await response.JsonAsync();
        problem["detail"]!.GetValue<string>().Should().Contain("false-positive rate");
        problem["decision"]!["accepted"]!.GetValue<bool>().Should().BeFalse();
        var model = await (await client.GetAsync("/model")).JsonAsync();
        model["version"]!.GetValue<string>().Should().Be(_models.ClaimedVersion);
        model["canary"]!["accuracy"]!.GetValue<double>().Should().Be(_models.Registry.Active!.GoldenAccuracy, "/model shows the served model's canary, not the candidate's");
        var recorded = await factory.QueryAsync(db => db.ModelPromotions.AsNoTracking().SingleAsync());
        recorded.Accepted.Should().BeFalse();
        recorded.CandidateVersion.Should().Be(challenger);
        recorded.Reason.Should().Contain("failed: held-out false-positive rate");
    }

    [Fact]
    public async Task CandidateFailingTheCanary_IsRefused_EvenWithBetterRecordedFigures()
    {
        // The wrong model, registered under a version of its own with the shipped model's recorded figures, bettered.
        var shipped = _models.Registry.Active!;
        File.WriteAllText(
            Path.Combine(_models.Folder, "wrong-candidate.json"),
            File.ReadAllText(Path.Combine(_models.Folder, WrongModel.MetadataName)).Replace(shipped.Version, "sdca-wrong", StringComparison.Ordinal));
        var wrong = shipped with
        {
            Version = "sdca-wrong", File = WrongModel.FileName, Metadata = "wrong-candidate.json", Status = ModelStatus.Challenger,
            HeldOut = shipped.HeldOut! with { F1 = shipped.HeldOut.F1 + 0.05 },
        };
        new ModelRegistry([.. ModelRegistry.TryLoad(_models.Folder)!.Models, wrong]).Save(_models.Folder);
        using var factory = Start(DatabaseProviders.Sqlite);

        var response = await AdminClient(factory).PostAsync("/admin/models/sdca-wrong/promote", null);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("failed: canary");
        (await (await factory.CreateClient().GetAsync("/model")).JsonAsync())["version"]!.GetValue<string>().Should().Be(shipped.Version);
    }

    [Fact]
    public async Task ModelRegisteredAfterStart_CanBePromotedWithoutARestart()
    {
        using var factory = Start(DatabaseProviders.Sqlite);
        var client = AdminClient(factory);
        (await client.PostAsync("/admin/models/sdca-late/promote", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // As retrain does: new files and a new registry entry, written while the service runs.
        var registry = ModelRegistry.TryLoad(_models.Folder)!;
        var candidate = registry.Find(CandidateVersion)!;
        File.WriteAllText(
            Path.Combine(_models.Folder, "late.json"),
            File.ReadAllText(Path.Combine(_models.Folder, candidate.Metadata)).Replace(CandidateVersion, "sdca-late", StringComparison.Ordinal));
        new ModelRegistry([.. registry.Models, candidate with { Version = "sdca-late", Metadata = "late.json" }]).Save(_models.Folder);

        var response = await client.PostAsync("/admin/models/sdca-late/promote", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await (await client.GetAsync("/model")).JsonAsync())["version"]!.GetValue<string>().Should().Be("sdca-late");
    }

    [Fact]
    public async Task UnknownOrActiveVersion_OrNoKey_IsRefusedPlainly()
    {
        using var factory = Start(DatabaseProviders.Sqlite);
        var client = AdminClient(factory);

        (await client.PostAsync("/admin/models/no-such-version/promote", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.PostAsync($"/admin/models/{_models.ClaimedVersion}/promote", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await factory.CreateClient().PostAsync($"/admin/models/{CandidateVersion}/promote", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task BetterCandidate_IsSwappedInUnderLoad_WithoutAFailedRequest_AndEveryRowNamesItsModel(string provider)
    {
        using var factory = Start(provider);
        var admin = AdminClient(factory);
        var answers = new ConcurrentBag<(HttpStatusCode Status, string? Version, long[] Ids)>();
        using var stop = new CancellationTokenSource();
        var promoted = false;
        var afterPromotion = new ConcurrentBag<string?>();

        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var client = factory.CreateClient();
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var sentAfterPromotion = Volatile.Read(ref promoted);
                var response = await client.PostLinesAsync([$"GET /orders/{worker}/{i} 200", $"worker {worker} request {i} done in 12 ms"]);
                var body = response.IsSuccessStatusCode ? await response.JsonAsync() : null;
                var version = body?["modelVersion"]?.GetValue<string>();
                answers.Add((response.StatusCode, version, body?["results"]!.AsArray().Select(result => result!["id"]!.GetValue<long>()).ToArray() ?? []));
                if (sentAfterPromotion)
                {
                    afterPromotion.Add(version);
                }
            }
        })).ToList();

        await UntilAsync(() => answers.Count >= 8);
        var response = await admin.PostAsync($"/admin/models/{CandidateVersion}/promote", null);
        Volatile.Write(ref promoted, true);
        await UntilAsync(() => afterPromotion.Count >= 8);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.JsonAsync())["activeVersion"]!.GetValue<string>().Should().Be(CandidateVersion);
        answers.Should().OnlyContain(answer => answer.Status == HttpStatusCode.OK, "a swap must not fail a request");
        answers.Select(answer => answer.Version).Distinct().Should().BeSubsetOf([_models.ClaimedVersion, CandidateVersion]);
        afterPromotion.Should().NotBeEmpty().And.OnlyContain(version => version == CandidateVersion);
        var stored = await factory.QueryAsync(db => db.PredictionLogs.AsNoTracking().ToDictionaryAsync(row => row.Id, row => row.ModelVersion));
        foreach (var answer in answers)
        {
            answer.Ids.Should().OnlyContain(id => stored[id] == answer.Version, "each audit row names the model that scored it");
        }
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task AnotherInstance_FollowsTheAcceptedPromotion(string provider)
    {
        using var first = Start(provider);
        using var second = Start(provider, first.Database);
        second.CreateClient();
        (await AdminClient(first).PostAsync($"/admin/models/{CandidateVersion}/promote", null)).EnsureSuccessStatusCode();

        await second.Services.GetRequiredService<PromotionFollower>().FollowOnceAsync(CancellationToken.None);

        (await (await second.CreateClient().GetAsync("/model")).JsonAsync())["version"]!.GetValue<string>().Should().Be(CandidateVersion);
    }

    // Waits for the load to reach a point, however fast or slow the machine; the bound only stops a broken test.
    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition() && waited < 60_000; waited += 20)
        {
            await Task.Delay(20);
        }
    }

    private LogGuardFactory Start(string provider, TestDatabase? database = null) => new(
        new Dictionary<string, string?>
        {
            ["LogGuard:Model:Directory"] = _models.Folder,
            ["LogGuard:Security:AdminApiKey"] = AdminKey,
            ["LogGuard:Promotion:FollowSeconds"] = "3600", // the tests step the follower themselves
        },
        provider,
        database);

    private static HttpClient AdminClient(LogGuardFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    public void Dispose() => _models.Dispose();
}
