using LogGuard.Api.Security;
using System.Text.Json;
using System.Text.Json.Serialization;
using LogGuard.Api.Detection;
using LogGuard.Data.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Ingestion;

/// <summary>OTLP's ExportLogsServiceResponse: empty when every record was taken.</summary>
internal sealed record OtlpExportResponse(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OtlpPartialSuccess? PartialSuccess);

internal sealed record OtlpPartialSuccess(long RejectedLogRecords, string ErrorMessage);

public static class OtlpApi
{
    /// <summary>Rejections named in the answer's errorMessage; the count covers all of them.</summary>
    private const int RejectionsNamed = 5;

    public static IEndpointRouteBuilder MapOtlpApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/logs", ExportAsync)
            .WithTags("Detection")
            .RequireClientAccess()
            .WithName("OtlpLogs")
            .WithMetadata(new IngestionEndpoint())
            .WithSummary("Screen OpenTelemetry logs (OTLP/HTTP, JSON encoding)")
            .WithDescription(
                "Each log record's body (a string, or the message field of a structured body) is screened and audited as by "
                + "/detect, with service.name as its source. Invalid records are rejected and counted in partialSuccess; the rest "
                + "are stored. Protobuf bodies are refused with 415.")
            .Produces<OtlpExportResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    internal static async Task<Results<JsonHttpResult<OtlpExportResponse>, ValidationProblem, ProblemHttpResult>> ExportAsync(
        HttpContext http,
        LineScreener screener,
        RejectionCounter rejections,
        Observability.LogGuardMetrics metrics,
        IOptions<DetectionOptions> limits,
        IOptions<IngestionOptions> ingestion,
        IOptions<AuditOptions> auditOptions)
    {
        if (ShipperBody.FramingOf(http.Request.ContentType) != BodyFraming.Json)
        {
            rejections.Record(RejectionReasons.UnsupportedMediaType);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: $"Send OTLP/HTTP logs as application/json (the collector's otlphttp exporter: encoding: json), not '{http.Request.ContentType ?? "(none)"}'.");
        }

        var body = await RequestBody.ReadAsync(http.Request, limits.Value.MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            return IngestionProblems.BodyTooLarge(rejections, limits.Value);
        }

        List<OtlpRecord> records;
        try
        {
            records = OtlpLogsReader.Read(body, new RecordBuilder(ingestion.Value));
        }
        catch (JsonException exception)
        {
            rejections.Record(RejectionReasons.MalformedJson);
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [exception.Path ?? "$"] = [$"not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})"] },
                title: "Malformed JSON");
        }

        if (records.Count > limits.Value.MaxLinesPerRequest)
        {
            rejections.Record(RejectionReasons.Validation);
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["resourceLogs"] = [$"a request may hold at most {limits.Value.MaxLinesPerRequest} log records (Detection:MaxLinesPerRequest), got {records.Count}: lower the exporter's batch size"] },
                title: "The request is not valid");
        }

        var accepted = new List<(string Line, ShippedRecord Record)>(records.Count);
        var problems = new List<string>();
        foreach (var (path, record) in records)
        {
            if (record.Line is null)
            {
                problems.Add($"{path}: no body with text or a message field");
            }
            else if (DetectRequestValidator.CheckLine(record.Line, limits.Value, out var line) is { } problem)
            {
                problems.Add($"{path}: {problem}");
            }
            else
            {
                accepted.Add((line, record));
            }
        }

        if (accepted.Count == 0 && problems.Count > 0)
        {
            rejections.Record(RejectionReasons.Validation);
            metrics.RecordsRejected(problems.Count);
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["logRecords"] = [.. problems.Take(RejectionsNamed)] },
                title: "No log record could be screened");
        }

        if (accepted.Count > 0)
        {
            try
            {
                await screener.ScreenAsync(
                    [.. accepted.Select(item => item.Line)], [.. accepted.Select(item => item.Record)], source: null, explain: false, http);
            }
            catch (AuditUnavailableException exception)
            {
                return IngestionProblems.AuditUnavailable(http, rejections, exception, auditOptions.Value);
            }
        }

        if (problems.Count > 0)
        {
            rejections.Record(RejectionReasons.Validation);
            metrics.RecordsRejected(problems.Count);
        }

        var partial = problems.Count == 0 ? null : new OtlpPartialSuccess(problems.Count, string.Join("; ", problems.Take(RejectionsNamed)));
        return TypedResults.Json(new OtlpExportResponse(partial), Infrastructure.LogGuardJsonContext.Default.OtlpExportResponse);
    }
}
