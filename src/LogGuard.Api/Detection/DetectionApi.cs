using System.Text.Json;
using LogGuard.Api.Infrastructure;
using LogGuard.Core.Detection;
using LogGuard.Core.Monitoring;
using LogGuard.Data;
using LogGuard.Data.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Detection;

public static class DetectionApi
{
    public static IEndpointRouteBuilder MapDetectionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/").WithTags("Detection");
        group.MapPost("/detect", DetectAsync)
            .WithName("Detect")
            .WithSummary("Screen log lines")
            .WithDescription(
                "Scores every line with the rule engine and the model, decides by the hybrid table, audits every verdict "
                + "and answers only once the audit rows are committed. results[i] answers lines[i]. In DEGRADED the rules "
                + "decide (fallbackUsed) while the model keeps scoring in shadow.")
            .WithMetadata(new JsonBodyDocumentation(typeof(DetectRequest)))
            .Produces<DetectResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    // The body is read and parsed here rather than bound, so that its size is capped while reading
    // and a malformed body is answered with the parser's own position.
    internal static async Task<Results<Ok<DetectResponse>, ValidationProblem, ProblemHttpResult>> DetectAsync(
        HttpContext http,
        Detector detector,
        AuditQueue audit,
        SystemStateCache states,
        RejectionCounter rejections,
        IOptions<DetectionOptions> limits,
        IOptions<AuditOptions> auditOptions,
        TimeProvider time)
    {
        if (!TryReadExplain(http.Request, out var explain))
        {
            rejections.Record(RejectionReasons.Validation);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["explain"] = ["explain must be true or false"] }, title: "The request is not valid");
        }

        if (!IsJson(http.Request.ContentType))
        {
            rejections.Record(RejectionReasons.UnsupportedMediaType);
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Send the lines as application/json, not '{http.Request.ContentType ?? "(none)"}'.");
        }

        var body = await RequestBody.ReadAsync(http.Request, limits.Value.MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            rejections.Record(RejectionReasons.BodyTooLarge);
            return Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The body is larger than Detection:MaxBodyBytes ({limits.Value.MaxBodyBytes} bytes).");
        }

        DetectRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, LogGuardJsonContext.Default.DetectRequest);
        }
        catch (JsonException exception)
        {
            rejections.Record(RejectionReasons.MalformedJson);
            return MalformedJson(exception);
        }

        if (request is null)
        {
            rejections.Record(RejectionReasons.MalformedJson);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["the body must be a JSON object"] }, title: "Malformed JSON");
        }

        var (lines, errors) = DetectRequestValidator.Validate(request, limits.Value);
        if (errors is not null)
        {
            rejections.Record(RejectionReasons.Validation);
            return TypedResults.ValidationProblem(errors, title: "The request is not valid");
        }

        LineAnalysis[] analyses;
        AuditContext context;
        long[] ids;
        try
        {
            var state = await states.GetAsync(http.RequestAborted);
            analyses = detector.Analyze(lines!, fallback: state.State == SystemState.Degraded, explain);
            context = new AuditContext(
                time.GetUtcNow().UtcDateTime,
                http.TraceIdentifier,
                request.Source,
                analyses[0].ModelVersion, // the model that scored these lines, even if a promotion has since replaced it
                detector.Rules.Version,
                state.State,
                auditOptions.Value.StoreRawLines);
            ids = await audit.WriteAsync([.. analyses.Select((analysis, i) => AuditRowFactory.Create(analysis, lines![i], context))]);
        }
        catch (AuditUnavailableException exception)
        {
            rejections.Record(RejectionReasons.AuditUnavailable);
            http.Response.Headers.RetryAfter = auditOptions.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problem(StatusCodes.Status503ServiceUnavailable, "Verdicts could not be stored", exception.Message + " Nothing from this request was stored; retry later.");
        }

        return TypedResults.Ok(DetectResponseFactory.Create(analyses, ids, context, modelLoaded: analyses[0].ModelProbability is not null));
    }

    // Read by hand rather than bound, so that a bad value gets the same named validation problem as a bad body.
    private static bool TryReadExplain(HttpRequest request, out bool explain)
    {
        explain = false;
        var values = request.Query["explain"];
        return values.Count == 0 || (values.Count == 1 && bool.TryParse(values[0], out explain));
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true);

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
