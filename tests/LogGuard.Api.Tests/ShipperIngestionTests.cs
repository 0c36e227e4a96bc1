using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Api.Tests;

/// <summary>Bodies in exactly the shapes Fluent Bit, Vector and Logstash send, through /detect and into the audit table.</summary>
public sealed class ShipperIngestionTests
{
    private const string Attack = "10.0.0.5 - - [04/Mar/2026:10:01:02 +0000] \"GET /products?id=1%27%20UNION%20SELECT%20password%20FROM%20users-- HTTP/1.1\" 200 512 \"-\" \"sqlmap/1.8\"";
    private const string Routine = "2026-03-04 10:01:02,123 INFO [main] c.e.orders.OrderService - Order 48213 created in 35ms";

    // Fluent Bit's http output, format json: an array of records, the time in "date" as epoch seconds.
    private static readonly string FluentBitJson =
        $$"""[{"date":1772618462.123456,"log":{{JsonValue.Create(Attack).ToJsonString()}},"host":"web-1","password":"Hunter22"},{"date":1772618463.5,"log":{{JsonValue.Create(Routine).ToJsonString()}}}]""";

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Detect_FluentBitJsonArray_AnswersInOrderAndAuditsTheRecordFieldsMasked(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);

        var response = await factory.CreateClient().PostAsync("/detect?source=fluent-bit", new StringContent(FluentBitJson, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var results = (await response.JsonAsync())["results"]!.AsArray();
        results.Select(result => result!["label"]!.GetValue<string>()).Should().Equal("suspicious", "normal");
        var rows = await factory.QueryAsync(db => db.PredictionLogs.OrderBy(row => row.Id).ToListAsync());
        rows.Select(row => row.Source).Should().Equal("fluent-bit", "fluent-bit");
        var fields = JsonNode.Parse(rows[0].InputSummary)!["fields"]!;
        fields["host"]!.GetValue<string>().Should().Be("web-1");
        fields["date"]!.GetValue<string>().Should().Be("1772618462.123456");
        rows[0].InputSummary.Should().NotContain("Hunter22", "a field named password is a secret like one inside a line");
    }

    [Theory]
    [InlineData("application/json", "\n")] // Fluent Bit json_lines
    [InlineData("application/json", "")] // Fluent Bit json_stream: objects back to back
    [InlineData("application/x-ndjson", "\n")] // Vector json codec, newline-delimited framing
    public async Task Detect_ObjectsOneAfterAnother_EachIsARecord(string contentType, string separator)
    {
        using var factory = new LogGuardFactory();
        // Vector's last line has no newline.
        var body = string.Join(separator, new[] { Attack, Routine, "GET /health 200" }.Select(line => new JsonObject { ["message"] = line, ["source_type"] = "file" }.ToJsonString()));

        var response = await factory.CreateClient().PostRawAsync(body, contentType);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.JsonAsync())["results"]!.AsArray().Select(result => result!["label"]!.GetValue<string>()).Should().Equal("suspicious", "normal", "normal");
    }

    [Fact]
    public async Task Detect_LogstashJsonBatch_TakesTheMessageField()
    {
        using var factory = new LogGuardFactory();
        var body = new JsonArray(
            new JsonObject { ["@timestamp"] = "2026-03-04T10:01:02.000Z", ["message"] = Attack, ["host"] = new JsonObject { ["name"] = "web-1" } },
            new JsonObject { ["@timestamp"] = "2026-03-04T10:01:03.000Z", ["message"] = Routine }).ToJsonString();

        var response = await factory.CreateClient().PostRawAsync(body);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var rows = await factory.QueryAsync(db => db.PredictionLogs.OrderBy(row => row.Id).ToListAsync());
        var summary = JsonNode.Parse(rows[0].InputSummary)!;
        summary["masked"]!.GetValue<string>().Should().Contain("sqlmap");
        summary["fields"]!["@timestamp"]!.GetValue<string>().Should().Be("2026-03-04T10:01:02.000Z");
        summary["fields"]!["host"]!.GetValue<string>().Should().Be("""{"name":"web-1"}""", "a nested field is kept as its JSON");
    }

    [Fact]
    public async Task Detect_PlainText_OneLinePerLineAndBlankLinesSkipped()
    {
        using var factory = new LogGuardFactory();

        var response = await factory.CreateClient().PostRawAsync($"{Attack}\r\n\n{Routine}\n", "text/plain");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.JsonAsync())["results"]!.AsArray().Should().HaveCount(2);
        var stored = await factory.QueryAsync(db => db.PredictionLogs.OrderBy(row => row.Id).Select(row => row.LineLength).ToListAsync());
        stored.Should().Equal(Attack.Length, Routine.Length);
    }

    [Fact]
    public async Task Detect_GzipBody_IsDecompressedAndTheLimitAppliesToWhatItHolds()
    {
        using var factory = new LogGuardFactory(new() { ["LogGuard:Detection:MaxBodyBytes"] = "4096" });
        var client = factory.CreateClient();

        var small = await client.SendAsync(Gzipped(FluentBitJson));
        var bomb = await client.SendAsync(Gzipped(new string(' ', 100_000) + FluentBitJson));

        small.StatusCode.Should().Be(HttpStatusCode.OK);
        (await small.JsonAsync())["results"]!.AsArray().Should().HaveCount(2);
        bomb.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge, "100 kB of spaces compress to little, but the limit is on what the body holds");
    }

    [Fact]
    public async Task Detect_BodyThatIsNotGzipDespiteItsHeader_IsABadRequestNotAFailure()
    {
        using var factory = new LogGuardFactory();
        var request = new HttpRequestMessage(HttpMethod.Post, "/detect") { Content = new StringContent(FluentBitJson, Encoding.UTF8, "application/json") };
        request.Content.Headers.ContentEncoding.Add("gzip");

        var response = await factory.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("Content-Encoding");
        (await factory.QueryAsync(db => db.PredictionLogs.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Detect_RecordsWithoutAMessageOrWithABadLine_AreNamedByPositionAndNothingIsStored()
    {
        using var factory = new LogGuardFactory();

        var response = await factory.CreateClient().PostRawAsync("""[{"log":"fine line"},{"level":"info"},{"log":""},42]""");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.JsonAsync())["errors"]!.AsObject();
        errors.Select(error => error.Key).Should().BeEquivalentTo("[1]", "[2]", "[3]");
        errors["[1]"]![0]!.GetValue<string>().Should().Contain("log, message, msg, MESSAGE, body");
        errors["[3]"]![0]!.GetValue<string>().Should().Contain("a string or a record");
        (await factory.QueryAsync(db => db.PredictionLogs.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Detect_ConfiguredSourceField_NamesEachRowsSource()
    {
        using var factory = new LogGuardFactory(new() { ["LogGuard:Ingestion:SourceField"] = "service" });

        var response = await factory.CreateClient().PostRawAsync("""[{"log":"a b c","service":"checkout api"},{"log":"d e f"}]""");

        response.EnsureSuccessStatusCode();
        var sources = await factory.QueryAsync(db => db.PredictionLogs.OrderBy(row => row.Id).Select(row => row.Source).ToListAsync());
        sources.Should().Equal("checkout_api", null);
    }

    [Fact]
    public async Task Detect_RecordWithManyAndLongFields_KeepsOnlyTheConfiguredNumberAndLength()
    {
        using var factory = new LogGuardFactory(new() { ["LogGuard:Ingestion:MaxFieldsPerRecord"] = "3", ["LogGuard:Ingestion:MaxFieldLength"] = "10" });
        var record = new JsonObject { ["log"] = "GET /health 200", [new string('k', 50)] = new string('v', 50) };
        for (var i = 0; i < 10; i++)
        {
            record["f" + i] = i;
        }

        (await factory.CreateClient().PostRawAsync(new JsonArray(record).ToJsonString())).EnsureSuccessStatusCode();

        var fields = JsonNode.Parse(await factory.QueryAsync(db => db.PredictionLogs.Select(row => row.InputSummary).SingleAsync()))!["fields"]!.AsObject();
        fields.Should().HaveCount(3);
        fields.Should().ContainKey(new string('k', 10));
        fields[new string('k', 10)]!.GetValue<string>().Should().Be(new string('v', 10));
    }

    [Fact]
    public async Task Detect_UnsupportedContentType_NamesTheAcceptedOnes()
    {
        using var factory = new LogGuardFactory();

        var response = await factory.CreateClient().PostRawAsync("<log/>", "application/xml");

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("application/x-ndjson").And.Contain("text/plain");
    }

    private static HttpRequestMessage Gzipped(string body)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(body));
        }

        var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        return new HttpRequestMessage(HttpMethod.Post, "/detect") { Content = content };
    }
}
