using LogGuard.Api.Security;
using System.Text.Json;
using LogGuard.Api.Infrastructure;
using LogGuard.Api.Ingestion;
using LogGuard.Data.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Detection;

public static class DetectionApi
{
    public static IEndpointRouteBuilder MapDetectionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/").WithTags("Detection").RequireClientAccess();
        group.MapPost("/detect", DetectAsync)
            .WithName("Detect")
            .WithSummary("Screen log lines")
            .WithDescription(
                "Scores every line with the rule engine and the model, decides by the hybrid table, audits every verdict "
                + "and answers only once the audit rows are committed. results[i] answers lines[i]. In DEGRADED the rules "
                + "decide (fallbackUsed) while the model keeps scoring in shadow.")
            .WithMetadata(new JsonBodyDocumentation(typeof(DetectRequest)), new IngestionEndpoint())
            .Produces<DetectResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    // The body is read and parsed here rather than bound, so that its size is capped while reading (after
    // decompression) and a malformed body is answered with the parser's own position.
    internal static async Task<Results<Ok<DetectResponse>, ValidationProblem, ProblemHttpResult>> DetectAsync(
        HttpContext http,
        LineScreener screener,
        RejectionCounter rejections,
        IOptions<DetectionOptions> limits,
        IOptions<IngestionOptions> ingestion,
        IOptions<AuditOptions> auditOptions)
    {
        if (!TryReadExplain(http.Request, out var explain))
        {
            rejections.Record(RejectionReasons.Validation);
            return Invalid("explain", "explain must be true or false");
        }

        var source = http.Request.Query["source"].ToString();
        if (source.Length > 0 && !DetectRequestValidator.IsValidSource(source))
        {
            rejections.Record(RejectionReasons.Validation);
            return Invalid("source", $"source must be 1 to {DetectRequestValidator.MaxSourceLength} characters of [A-Za-z0-9._-]");
        }

        if (ShipperBody.FramingOf(http.Request.ContentType) is not { } framing)
        {
            rejections.Record(RejectionReasons.UnsupportedMediaType);
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Send the lines as {ShipperBody.AcceptedTypes}, not '{http.Request.ContentType ?? "(none)"}'.");
        }

        var body = await RequestBody.ReadAsync(http.Request, limits.Value.MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            return IngestionProblems.BodyTooLarge(rejections, limits.Value);
        }

        string[]? lines;
        Dictionary<string, string[]>? errors;
        IReadOnlyList<ShippedRecord>? records = null;
        try
        {
            if (framing == BodyFraming.Json && ShipperBody.IsLinesRequest(body))
            {
                var request = JsonSerializer.Deserialize(body, LogGuardJsonContext.Default.DetectRequest);
                if (request is null)
                {
                    rejections.Record(RejectionReasons.MalformedJson);
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["the body must be a JSON object"] }, title: "Malformed JSON");
                }

                (lines, errors) = DetectRequestValidator.Validate(request, limits.Value);
                source = request.Source ?? source;
            }
            else
            {
                records = framing == BodyFraming.Text
                    ? ShipperBody.ReadTextLines(body)
                    : ShipperBody.ReadJsonRecords(body, new RecordBuilder(ingestion.Value));
                (lines, errors) = ShippedRecordValidator.Validate(records, limits.Value, ingestion.Value);
            }
        }
        catch (JsonException exception)
        {
            rejections.Record(RejectionReasons.MalformedJson);
            return MalformedJson(exception);
        }
        catch (System.Text.DecoderFallbackException exception)
        {
            rejections.Record(RejectionReasons.Validation);
            return Invalid("$", $"the body is not UTF-8 text (byte {exception.Index + 1})");
        }

        if (errors is not null)
        {
            rejections.Record(RejectionReasons.Validation);
            return TypedResults.ValidationProblem(errors, title: "The request is not valid");
        }

        try
        {
            var screened = await screener.ScreenAsync(lines!, records, source.Length > 0 ? source : null, explain, http);
            return TypedResults.Ok(DetectResponseFactory.Create(screened.Analyses, screened.Ids, screened.Context, screened.ModelLoaded));
        }
        catch (AuditUnavailableException exception)
        {
            return IngestionProblems.AuditUnavailable(http, rejections, exception, auditOptions.Value);
        }
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid");

    // Read by hand rather than bound, so that a bad value gets the same named validation problem as a bad body.
    private static bool TryReadExplain(HttpRequest request, out bool explain)
    {
        explain = false;
        var values = request.Query["explain"];
        return values.Count == 0 || (values.Count == 1 && bool.TryParse(values[0], out explain));
    }

    private static ProblemHttpResult MalformedJson(JsonException exception)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Malformed JSON",
            Detail = $"The body is not valid JSON for this endpoint at {exception.Path ?? "$"} (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}).",
        };
        problem.Extensions["path"] = exception.Path ?? "$";
        problem.Extensions["line"] = exception.LineNumber + 1;
        problem.Extensions["bytePositionInLine"] = exception.BytePositionInLine + 1;
        return TypedResults.Problem(problem);
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
