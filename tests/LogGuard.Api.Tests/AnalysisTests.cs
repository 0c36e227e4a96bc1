using System.Net;
using System.Text.Json.Nodes;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Data.Entities;
using LogGuard.Testing.Databases;

namespace LogGuard.Api.Tests;

/// <summary>Live quality and the review queue, computed from seeded audit rows and labels on each provider.</summary>
public sealed class AnalysisTests
{
    private static readonly DateTime Now = DateTime.UtcNow;

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Quality_OnASeededLabelledWindow_MatchesTheHandComputedFigures(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        factory.CreateClient();
        var inWindow = Now.AddMinutes(-30);

        // truth, rule score, model probability, hybrid label
        var rows = new (bool Truth, double Rules, double? Model, bool Hybrid)[]
        {
            (true, 0.95, 0.90, true),   // rules TP, model TP, hybrid TP
            (true, 0.95, 0.20, true),   // rules TP, model FN, hybrid TP
            (true, 0.00, 0.80, true),   // rules FN, model TP, hybrid TP
            (true, 0.00, 0.10, false),  // rules FN, model FN, hybrid FN
            (false, 0.60, 0.10, true),  // rules FP, model TN, hybrid FP
            (false, 0.00, 0.70, false), // rules TN, model FP, hybrid TN
            (false, 0.00, 0.10, false),
            (false, 0.00, 0.10, false),
            (false, 0.00, null, false), // no model: counted for rules and hybrid only
        };
        var ids = await SeedAsync(factory, rows.Select(row => Row(inWindow, "web", row.Rules, row.Model, row.Hybrid)).ToArray());
        await LabelAsync(factory, ids.Zip(rows, (id, row) => (id, row.Truth)).ToArray());

        // A label that was replaced counts as its replacement; unlabelled and out-of-period rows do not count.
        var relabelled = (await SeedAsync(factory, Row(inWindow, "web", 0.95, 0.95, true)))[0];
        await LabelAsync(factory, (relabelled, false));
        await LabelAsync(factory, (relabelled, true));
        await SeedAsync(factory, Row(inWindow, "web", 0.95, 0.95, true));
        var old = (await SeedAsync(factory, Row(Now.AddDays(-3), "web", 0.95, 0.10, true)))[0];
        await LabelAsync(factory, (old, false));

        var response = await factory.CreateClient().GetAsync($"/analysis/quality?from={Now.AddHours(-1):O}&to={Now.AddHours(1):O}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body["labelled"]!.GetValue<int>().Should().Be(10);
        var rules = Detector(body, "rules");
        var model = Detector(body, "model");
        var hybrid = Detector(body, "hybrid");

        // Rules: TP 3 (with the relabelled row), FN 2, FP 1, TN 4.
        Confusion(rules).Should().Equal(3, 1, 4, 2);
        Rate(rules["precision"]!).Should().BeApproximately(0.75, 1e-9);
        Rate(rules["recall"]!).Should().BeApproximately(0.6, 1e-9);
        Rate(rules["falsePositiveRate"]!).Should().BeApproximately(0.2, 1e-9);
        rules["f1"]!.GetValue<double>().Should().BeApproximately(0.6667, 1e-4);

        // Model: 9 scored rows; TP 3, FN 2, FP 1, TN 3.
        model["count"]!.GetValue<int>().Should().Be(9);
        Confusion(model).Should().Equal(3, 1, 3, 2);

        // Hybrid: TP 4, FN 1, FP 1, TN 4. Precision 4/5 with its 95% Wilson interval, computed by hand.
        Confusion(hybrid).Should().Equal(4, 1, 4, 1);
        Rate(hybrid["precision"]!).Should().BeApproximately(0.8, 1e-9);
        hybrid["precision"]!["low"]!.GetValue<double>().Should().BeApproximately(0.3755, 1e-3);
        hybrid["precision"]!["high"]!.GetValue<double>().Should().BeApproximately(0.9638, 1e-3);
        hybrid["slices"]!.AsArray().Should().Contain(slice => slice!["dimension"]!.GetValue<string>() == "source" && slice["value"]!.GetValue<string>() == "web");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task ReviewQueue_PutsReviewThenDisagreementThenNearThreshold_AndTakesEachSourceInTurn(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        var client = factory.CreateClient();
        var recent = Now.AddMinutes(-10);
        var ids = await SeedAsync(
            factory,
            Row(recent, "app", 0.00, 0.05, false),                    // far from the threshold
            Row(recent, "app", 0.00, 0.48, false),                    // near the threshold
            Row(recent, "app", 0.95, 0.10, true),                     // rules and model disagree
            Row(recent, "app", 0.00, 0.45, false, needsReview: true),
            Row(recent, "edge", 0.00, 0.40, false, needsReview: true),
            Row(recent, "app", 0.00, 0.50, false, needsReview: true), // labelled below: never queued
            Row(Now.AddHours(-30), "app", 0.00, 0.50, false, needsReview: true)); // older than the window
        await LabelAsync(factory, (ids[5], false));

        var response = await client.GetAsync("/analysis/review-queue?limit=10");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var items = (await response.JsonAsync())["items"]!.AsArray();
        items.Select(item => item!["predictionId"]!.GetValue<long>()).Should().Equal(ids[4], ids[3], ids[2], ids[1], ids[0]);
        items.Select(item => item!["reason"]!.GetValue<string>()).Should().Equal("needs_review", "needs_review", "disagreement", "near_threshold", "near_threshold");
        items[0]!["line"]!.GetValue<string>().Should().Be("a masked line from edge");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task ReviewQueue_ANoisySourceCannotFillIt(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        var client = factory.CreateClient();
        var recent = Now.AddMinutes(-10);
        var quiet = (await SeedAsync(factory, Row(recent, "quiet", 0.00, 0.10, false)))[0];
        await SeedAsync(factory, [.. Enumerable.Range(0, 20).Select(_ => Row(recent, "noisy", 0.00, 0.50, false, needsReview: true))]);

        var items = (await (await client.GetAsync("/analysis/review-queue?limit=3")).JsonAsync())["items"]!.AsArray();

        items.Should().HaveCount(3);
        items.Select(item => item!["predictionId"]!.GetValue<long>()).Should().Contain(quiet);
    }

    [Theory]
    [InlineData("/analysis/review-queue?limit=0", "limit")]
    [InlineData("/analysis/review-queue?limit=100000", "limit")]
    [InlineData("/analysis/quality?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "from")]
    public async Task BadParameters_AreNamed(string url, string field)
    {
        using var factory = new LogGuardFactory();
        var response = await factory.CreateClient().GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.JsonAsync())["errors"]![field].Should().NotBeNull();
    }

    [Fact]
    public async Task UnparsableDate_IsABadRequestNamingTheParameter()
    {
        using var factory = new LogGuardFactory();
        var response = await factory.CreateClient().GetAsync("/analysis/quality?from=yesterday");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("from");
    }

    private static PredictionLog Row(DateTime timestamp, string source, double rules, double? model, bool suspicious, bool needsReview = false) => new()
    {
        Timestamp = timestamp,
        RequestId = "seeded",
        Source = source,
        ModelVersion = "test",
        RulesVersion = "test",
        SystemState = "NORMAL",
        DecidedBy = "model",
        Label = suspicious ? "suspicious" : "normal",
        Score = suspicious ? 0.9 : 0.1,
        Confidence = 0.8,
        ModelProbability = model,
        RuleScore = rules,
        TriggeredRuleIds = rules > 0 ? "LG-SQLI-001" : "",
        NeedsReview = needsReview,
        LineLength = 40,
        TokenCount = 6,
        Format = "plain",
        InputSummary = "{\"masked\":\"a masked line from " + source + "\",\"masks\":{}}",
    };

    private static Task<List<long>> SeedAsync(LogGuardFactory factory, params PredictionLog[] rows) => factory.QueryAsync(async db =>
    {
        db.PredictionLogs.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(row => row.Id).ToList();
    });

    private static async Task LabelAsync(LogGuardFactory factory, params (long Id, bool Suspicious)[] labels)
    {
        var response = await factory.CreateClient().PostAsync(
            "/feedback",
            System.Net.Http.Json.JsonContent.Create(new { items = labels.Select(label => new { predictionId = label.Id, label = label.Suspicious ? "suspicious" : "normal" }) }));
        response.EnsureSuccessStatusCode();
    }

    private static JsonNode Detector(JsonNode body, string name) =>
        body["detectors"]!.AsArray().Single(detector => detector!["detector"]!.GetValue<string>() == name)!;

    private static int[] Confusion(JsonNode detector)
    {
        var c = detector["confusion"]!;
        return [c["truePositive"]!.GetValue<int>(), c["falsePositive"]!.GetValue<int>(), c["trueNegative"]!.GetValue<int>(), c["falseNegative"]!.GetValue<int>()];
    }

    private static double Rate(JsonNode proportion) => proportion["rate"]!.GetValue<double>();
}
