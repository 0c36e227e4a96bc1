using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Testing;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Api.Tests;

/// <summary>The registry's challenger scoring in shadow: audited beside the active model, never deciding.</summary>
public sealed class ChallengerShadowTests
{
    private static readonly string[] Lines =
    [
        "203.0.113.7 - - [12/May/2026:08:14:22 +0000] \"GET /item?id=7%27%20OR%201=1-- HTTP/1.1\" 200 1830 \"-\" \"curl/8.4.0\"",
        "May 12 08:20:11 bastion sshd[31337]: Failed password for invalid user oracle from 203.0.113.50 port 51122 ssh2",
        "2026-05-12 09:04:05,447 INFO [orders-worker-2] c.s.orders.Checkout - order 88214 paid in 212 ms, 3 items",
        "203.0.113.10 - - [12/May/2026:09:00:01 +0000] \"GET /catalog/item?id=7 HTTP/1.1\" 200 5120 \"-\" \"Mozilla/5.0\"",
    ];

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Challenger_IsAuditedBesideTheModel_NeverDecides_AndShowsInLiveQuality(string provider)
    {
        using var shadowed = new LogGuardFactory(new Dictionary<string, string?> { ["LogGuard:Model:ShadowChallenger"] = "true" }, provider);
        using var plain = new LogGuardFactory();
        var challenger = Core.Detection.Model.ModelRegistry.TryLoad(RepositoryPaths.Models)!.Models.Single(model => model.Status == "challenger").Version;

        var withShadow = await (await shadowed.CreateClient().PostLinesAsync(Lines)).JsonAsync();
        var withoutShadow = await (await plain.CreateClient().PostLinesAsync(Lines)).JsonAsync();

        Verdicts(withShadow).Should().Equal(Verdicts(withoutShadow), "the challenger never changes a verdict");
        var rows = await shadowed.QueryAsync(db => db.PredictionLogs.AsNoTracking().OrderBy(row => row.Id).ToListAsync());
        rows.Should().HaveCount(Lines.Length).And.OnlyContain(row => row.ChallengerVersion == challenger && row.ChallengerProbability != null);
        (await plain.QueryAsync(db => db.PredictionLogs.AsNoTracking().ToListAsync())).Should().OnlyContain(row => row.ChallengerVersion == null && row.ChallengerProbability == null);

        var client = shadowed.CreateClient();
        (await client.PostAsJsonAsync("/feedback", new { items = rows.Select((row, i) => new { predictionId = row.Id, label = i < 2 ? "suspicious" : "normal" }) })).EnsureSuccessStatusCode();
        var quality = await (await client.GetAsync("/analysis/quality")).JsonAsync();
        var shown = quality["detectors"]!.AsArray().Single(detector => detector!["detector"]!.GetValue<string>() == "challenger")!;
        shown["count"]!.GetValue<int>().Should().Be(Lines.Length);
    }

    private static List<string> Verdicts(JsonNode response) =>
        [.. response["results"]!.AsArray().Select(result => $"{result!["label"]} {result["score"]} {result["decidedBy"]} {result["model"]?["probability"]}")];
}
