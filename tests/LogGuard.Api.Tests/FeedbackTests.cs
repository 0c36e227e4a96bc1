using System.Net;
using System.Net.Http.Json;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Testing.Databases;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Api.Tests;

/// <summary>Labels from users through <c>POST /feedback</c>, stored beside the audit rows of each provider.</summary>
public sealed class FeedbackTests
{
    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Label_IsStoredAgainstThePrediction_AndTheAuditRowIsUnchanged(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        var client = factory.CreateClient();
        var id = await DetectOneAsync(client, "GET /index.html 200");
        var before = await factory.QueryAsync(db => db.PredictionLogs.AsNoTracking().SingleAsync(row => row.Id == id));

        var response = await client.PostAsJsonAsync("/feedback", new { predictionId = id, label = "suspicious", note = "seen in the incident of 3 March" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var result = (await response.JsonAsync())["results"]![0]!;
        result["predictionId"]!.GetValue<long>().Should().Be(id);
        result["label"]!.GetValue<string>().Should().Be("suspicious");
        result["previousLabel"].Should().BeNull();
        result["changed"]!.GetValue<bool>().Should().BeTrue();
        var stored = await factory.QueryAsync(db => db.Feedback.AsNoTracking().SingleAsync());
        stored.PredictionId.Should().Be(id);
        stored.Label.Should().Be("suspicious");
        stored.Note.Should().Be("seen in the incident of 3 March");
        stored.SupersededAt.Should().BeNull();
        var after = await factory.QueryAsync(db => db.PredictionLogs.AsNoTracking().SingleAsync(row => row.Id == id));
        after.Should().BeEquivalentTo(before);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task SecondLabel_ReplacesTheFirst_AndKeepsTheHistory_WhileRepeatingItChangesNothing(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        var client = factory.CreateClient();
        var id = await DetectOneAsync(client, "user alice logged in");

        (await client.PostAsJsonAsync("/feedback", new { predictionId = id, label = "suspicious" })).EnsureSuccessStatusCode();
        var second = await (await client.PostAsJsonAsync("/feedback", new { predictionId = id, label = "normal" })).JsonAsync();
        var repeated = await (await client.PostAsJsonAsync("/feedback", new { predictionId = id, label = "normal" })).JsonAsync();
        var history = await (await client.GetAsync($"/feedback/{id}")).JsonAsync();

        second["results"]![0]!["previousLabel"]!.GetValue<string>().Should().Be("suspicious");
        repeated["results"]![0]!["changed"]!.GetValue<bool>().Should().BeFalse();
        history["current"]!["label"]!.GetValue<string>().Should().Be("normal");
        history["history"]!.AsArray().Select(label => label!["label"]!.GetValue<string>()).Should().Equal("normal", "suspicious");
        history["history"]![1]!["supersededAt"].Should().NotBeNull();
        (await factory.QueryAsync(db => db.Feedback.CountAsync())).Should().Be(2);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Batch_WithAnUnknownId_Answers404NamingIt_AndStoresNothing(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        var client = factory.CreateClient();
        var id = await DetectOneAsync(client, "GET /index.html 200");

        var response = await client.PostAsJsonAsync("/feedback", new { items = new object[] { new { predictionId = id, label = "normal" }, new { predictionId = 987654, label = "suspicious" } } });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.JsonAsync();
        problem["detail"]!.GetValue<string>().Should().Contain("987654");
        problem["unknownIds"]!.AsArray().Select(value => value!.GetValue<long>()).Should().Equal(987654);
        (await factory.QueryAsync(db => db.Feedback.CountAsync())).Should().Be(0);
        (await client.GetAsync("/feedback/987654")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Batch_LabelsEveryItem_InOrder(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        var client = factory.CreateClient();
        var ids = (await (await client.PostLinesAsync(["first line", "second line", "third line"])).JsonAsync())["results"]!.AsArray()
            .Select(result => result!["id"]!.GetValue<long>()).ToList();

        var response = await client.PostAsJsonAsync("/feedback", new { items = ids.Select((id, i) => new { predictionId = id, label = i == 1 ? "suspicious" : "normal" }) });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.JsonAsync())["results"]!.AsArray().Select(result => result!["predictionId"]!.GetValue<long>()).Should().Equal(ids);
        var stored = await factory.QueryAsync(db => db.Feedback.AsNoTracking().OrderBy(row => row.PredictionId).Select(row => row.Label).ToListAsync());
        stored.Should().Equal("normal", "suspicious", "normal");
    }

    [Fact]
    public async Task InvalidFeedback_NamesEachOffendingField()
    {
        using var factory = new LogGuardFactory(new Dictionary<string, string?> { ["LogGuard:Feedback:MaxNoteLength"] = "10" });
        var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/feedback", new
        {
            items = new object[]
            {
                new { predictionId = 1, label = "bad" },
                new { predictionId = 0, label = "normal" },
                new { predictionId = 2, label = "normal", note = "a note longer than ten" },
                new { predictionId = 2, label = "normal" },
            },
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync())["errors"]!.AsObject().Select(error => error.Key);
        errors.Should().BeEquivalentTo("items[0].label", "items[1].predictionId", "items[2].note", "items[3].predictionId");
    }

    [Fact]
    public async Task UnreadableBody_InProduction_IsA400NamingWhereItFailed()
    {
        using var factory = new LogGuardFactory();
        using var production = factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

        var response = await production.CreateClient().PostAsync("/feedback", new StringContent("{\"predictionId\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("$.predictionId");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task SecretInANote_IsMaskedBeforeItIsStored(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        var client = factory.CreateClient();
        var id = await DetectOneAsync(client, "login for alice");

        (await client.PostAsJsonAsync("/feedback", new { predictionId = id, label = "suspicious", note = "the line had password=hunter2 in it" })).EnsureSuccessStatusCode();

        var note = await factory.QueryAsync(db => db.Feedback.Select(row => row.Note).SingleAsync());
        note.Should().NotContain("hunter2");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task DeletingAPrediction_DeletesItsLabels(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        var client = factory.CreateClient();
        var id = await DetectOneAsync(client, "GET /index.html 200");
        (await client.PostAsJsonAsync("/feedback", new { predictionId = id, label = "normal" })).EnsureSuccessStatusCode();

        await factory.QueryAsync(db => db.PredictionLogs.Where(row => row.Id == id).ExecuteDeleteAsync());

        (await factory.QueryAsync(db => db.Feedback.CountAsync())).Should().Be(0);
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Export_GivesEachCurrentLabelWithItsMaskedLine_AsTheTsvTheEvaluateCommandReads(string provider)
    {
        using var factory = new LogGuardFactory(new Dictionary<string, string?> { ["LogGuard:Security:AdminApiKey"] = "k" }, provider);
        var client = factory.CreateClient();
        var first = await DetectOneAsync(client, "Failed password for root from 203.0.113.50 port 22 ssh2");
        var second = await DetectOneAsync(client, "user alice logged in");
        await DetectOneAsync(client, "never labelled");
        (await client.PostAsJsonAsync("/feedback", new { items = new object[] { new { predictionId = first, label = "normal" }, new { predictionId = second, label = "normal" } } })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/feedback", new { predictionId = first, label = "suspicious" })).EnsureSuccessStatusCode();

        (await client.GetAsync("/admin/feedback/export")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        client.DefaultRequestHeaders.Add("X-Api-Key", "k");
        var response = await client.GetAsync("/admin/feedback/export");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/tab-separated-values");
        (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "label\tline",
            "normal\tuser alice logged in",
            "suspicious\tFailed password for root from <ip> port 22 ssh2");
    }

    private static async Task<long> DetectOneAsync(HttpClient client, string line)
    {
        var response = await client.PostLinesAsync([line]);
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync())["results"]![0]!["id"]!.GetValue<long>();
    }
}
