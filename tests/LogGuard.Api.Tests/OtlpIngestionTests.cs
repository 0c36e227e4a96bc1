using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Api.Tests;

/// <summary>OTLP/HTTP logs in the JSON encoding an OpenTelemetry Collector's otlphttp exporter sends.</summary>
public sealed class OtlpIngestionTests
{
    private const string Export = """
        {"resourceLogs":[{
          "resource":{"attributes":[
            {"key":"service.name","value":{"stringValue":"checkout"}},
            {"key":"host.name","value":{"stringValue":"node-7"}}]},
          "scopeLogs":[{"scope":{"name":"app"},"logRecords":[
            {"timeUnixNano":"1772618462000000000","severityNumber":17,"severityText":"ERROR",
             "body":{"stringValue":"Failed password for invalid user admin from 203.0.113.9 port 38926 ssh2"},
             "attributes":[{"key":"api_key","value":{"stringValue":"k3y-Secr3t-Value"}}],
             "traceId":"5b8efff798038103d269b633813fc60c","droppedAttributesCount":0},
            {"timeUnixNano":"1772618463000000000","severityText":"INFO",
             "body":{"kvlistValue":{"values":[{"key":"msg","value":{"stringValue":"order 48213 created in 35ms"}},{"key":"customer","value":{"intValue":"77"}}]}}},
            {"timeUnixNano":"1772618464000000000","body":{"stringValue":""}}
          ]}]}]}
        """;

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Logs_CollectorExport_StoresEachRecordAndNamesTheRejectedOne(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);

        var response = await factory.CreateClient().PostAsync("/v1/logs", new StringContent(Export, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var partial = (await response.JsonAsync())["partialSuccess"]!;
        partial["rejectedLogRecords"]!.GetValue<long>().Should().Be(1);
        partial["errorMessage"]!.GetValue<string>().Should().Contain("resourceLogs[0].scopeLogs[0].logRecords[2]").And.Contain("empty");
        var rows = await factory.QueryAsync(db => db.PredictionLogs.OrderBy(row => row.Id).ToListAsync());
        rows.Select(row => (row.Source, row.Label)).Should().Equal(("checkout", "suspicious"), ("checkout", "normal"));
        var first = JsonNode.Parse(rows[0].InputSummary)!["fields"]!;
        first["severity"]!.GetValue<string>().Should().Be("ERROR");
        first["host.name"]!.GetValue<string>().Should().Be("node-7");
        rows[0].InputSummary.Should().NotContain("k3y-Secr3t-Value");
        var second = JsonNode.Parse(rows[1].InputSummary)!;
        second["masked"]!.GetValue<string>().Should().Be("order 48213 created in 35ms");
        second["fields"]!["customer"]!.GetValue<string>().Should().Be("77");
    }

    [Fact]
    public async Task Logs_EveryRecordAccepted_AnswersAnEmptyResponse()
    {
        using var factory = new LogGuardFactory();
        const string Body = """{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"GET /health 200"}}]}]}]}""";

        var response = await factory.CreateClient().PostAsync("/v1/logs", new StringContent(Body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("{}");
    }

    [Fact]
    public async Task Logs_NoRecordUsable_IsANonRetryableBadRequest()
    {
        using var factory = new LogGuardFactory();
        const string Body = """{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{}},{"attributes":[]}]}]}]}""";

        var response = await factory.CreateClient().PostAsync("/v1/logs", new StringContent(Body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await factory.QueryAsync(db => db.PredictionLogs.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Logs_Protobuf_IsRefusedWithAMessageSayingToSendJson()
    {
        using var factory = new LogGuardFactory();
        var content = new ByteArrayContent([0x0a, 0x02, 0x08, 0x01]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-protobuf");

        var response = await factory.CreateClient().PostAsync("/v1/logs", content);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("encoding: json");
    }

    [Fact]
    public async Task Logs_MalformedJson_SaysWhere()
    {
        using var factory = new LogGuardFactory();

        var response = await factory.CreateClient().PostAsync("/v1/logs", new StringContent("""{"resourceLogs":[{"scopeLogs":""", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.JsonAsync())["title"]!.GetValue<string>().Should().Be("Malformed JSON");
    }
}
