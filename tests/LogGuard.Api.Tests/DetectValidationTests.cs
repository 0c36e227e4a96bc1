using System.Net;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Api.Tests;

public sealed class DetectValidationTests : IDisposable
{
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["LogGuard:Detection:MaxLinesPerRequest"] = "5",
        ["LogGuard:Detection:MaxLineLength"] = "100",
        ["LogGuard:Detection:MaxBodyBytes"] = "2048",
    };

    // Requests refused before they reach the database run on SQLite; those that store something run on both.
    private readonly LogGuardFactory _factory = new(Limits);

    public static readonly TheoryData<string, string, string> InvalidBodies = new()
    {
        { """{"source":"x"}""", "[0]", "'lines' array" },
        { """{"lines":[]}""", "lines", "1 to 5" },
        { """{"lines":["a","b","c","d","e","f"]}""", "lines", "got 6" },
        { """{"lines":["ok",""]}""", "lines[1]", "empty" },
        { """{"lines":["ok","\r\n"]}""", "lines[1]", "empty" },
        { """{"lines":["ok",null]}""", "lines[1]", "null" },
        { """{"lines":["a\u0000b"]}""", "lines[0]", "NUL" },
        { $$"""{"lines":["ok","{{new string('x', 101)}}"]}""", "lines[1]", "longer than 100 characters" },
        { """{"lines":["ok"],"source":"no spaces allowed"}""", "source", "[A-Za-z0-9._-]" },
        { $$"""{"lines":["ok"],"source":"{{new string('s', 65)}}"}""", "source", "64" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Detect_InvalidRequest_Answers400NamingTheField(string body, string field, string message)
    {
        var response = await _factory.CreateClient().PostRawAsync(body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = (await response.JsonAsync())["errors"]!;
        errors[field]!.AsArray().Select(error => error!.GetValue<string>()).Should().Contain(error => error.Contains(message));
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("true&explain=false")]
    public async Task Detect_BadExplainValue_Answers400NamingIt(string value)
    {
        var response = await _factory.CreateClient().PostAsync($"/detect?explain={value}", new StringContent("""{"lines":["ok"]}""", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.JsonAsync())["errors"]!["explain"]![0]!.GetValue<string>().Should().Contain("true or false");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Detect_LineOfExactlyTheLimit_IsAccepted(string provider)
    {
        using var factory = new LogGuardFactory(Limits, provider);
        var response = await factory.CreateClient().PostLinesAsync([new string('x', 100) + "\r\n"]);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("""{"lines":["ok",}""", "$.lines[1]")]
    [InlineData("""{"lines":"not an array"}""", "$.lines")]
    [InlineData("not json at all", "$")]
    [InlineData("", "$")]
    public async Task Detect_MalformedJson_Answers400WithTheParserPosition(string body, string path)
    {
        var response = await _factory.CreateClient().PostRawAsync(body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem["title"]!.GetValue<string>().Should().Be("Malformed JSON");
        problem["path"]!.GetValue<string>().Should().Be(path);
        problem["bytePositionInLine"]!.GetValue<long>().Should().BePositive();
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Detect_WrongContentType_Answers415(string contentType)
    {
        var response = await _factory.CreateClient().PostRawAsync("""{"lines":["ok"]}""", contentType);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.JsonAsync())["detail"]!.GetValue<string>().Should().Contain(contentType);
    }

    [Fact]
    public async Task Detect_BodyOverTheLimit_Answers413()
    {
        var body = $$"""{"lines":["{{new string('x', 3000)}}"]}""";

        var response = await _factory.CreateClient().PostRawAsync(body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("2048");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Detect_RejectedRequests_StoreNoPredictionButAreCountedPerReason(string provider)
    {
        using var factory = new LogGuardFactory(Limits, provider);
        var client = factory.CreateClient();
        await client.PostRawAsync("""{"lines":[]}""");
        await client.PostRawAsync("""{"lines":[""");
        await client.PostRawAsync("x", "application/xml");
        (await client.PostLinesAsync(["a valid line"])).StatusCode.Should().Be(HttpStatusCode.OK);

        var counts = await WaitForRejectionsAsync(factory, expectedReasons: 3);

        counts.Should().Contain(new KeyValuePair<string, long>("validation", 1))
            .And.Contain(new KeyValuePair<string, long>("malformed_json", 1))
            .And.Contain(new KeyValuePair<string, long>("unsupported_media_type", 1));
        (await factory.QueryAsync(db => db.PredictionLogs.CountAsync())).Should().Be(1);
    }

    // Counts are persisted by the audit writer after its next commit; poll with a generous deadline.
    private static async Task<Dictionary<string, long>> WaitForRejectionsAsync(LogGuardFactory factory, int expectedReasons)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        Dictionary<string, long> counts;
        do
        {
            counts = await factory.QueryAsync(db => db.RejectionCounts.GroupBy(row => row.Reason).ToDictionaryAsync(group => group.Key, group => group.Sum(row => row.Count)));
            if (counts.Count >= expectedReasons)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        return counts;
    }

    public void Dispose() => _factory.Dispose();
}
