using LogGuard.Api.Security;
using LogGuard.Data.Entities;
using LogGuard.Data.Feedback;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Feedback;

public static class FeedbackApi
{
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/feedback").WithTags("Feedback").RequireClientAccess();
        group.MapPost("/", RecordAsync).WithName("RecordFeedback").WithSummary("Label predictions")
            .WithDescription(
                "{\"predictionId\": 123, \"label\": \"suspicious\"|\"normal\", \"note\": \"...\"}, or {\"items\": [...]} for several. "
                + "A new label for a prediction replaces its current one and keeps the history; repeating the current label changes nothing. "
                + "All labels of a request are stored, or none: an unknown predictionId answers 404 naming it. The audit row is never changed.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{predictionId:long}", GetHistoryAsync).WithName("GetFeedback").WithSummary("A prediction's labels")
            .WithDescription("The current label and every earlier one, newest first; 404 when the prediction does not exist.");
        return app;
    }

    internal static async Task<Results<Ok<FeedbackResponse>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        FeedbackRequest request, HttpContext http, FeedbackStore store, IOptions<FeedbackOptions> options, CancellationToken cancellationToken)
    {
        var (items, errors) = FeedbackValidator.Validate(request, options.Value);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors, title: "The feedback is not valid");
        }

        try
        {
            var (outcomes, unknown) = await store.RecordAsync(items!, labelledBy: http.ClientName(), cancellationToken);
            if (outcomes is null)
            {
                var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status404NotFound,
                    Title = "Unknown prediction",
                    Detail = $"No audited prediction has the id {string.Join(", ", unknown)}; nothing from this request was stored.",
                };
                problem.Extensions["unknownIds"] = unknown;
                return TypedResults.Problem(problem);
            }

            return TypedResults.Ok(new FeedbackResponse([.. outcomes.Select(o => new FeedbackResult(o.PredictionId, o.Label, o.PreviousLabel, o.Changed))]));
        }
        catch (FeedbackConflictException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Labelled concurrently", detail: exception.Message);
        }
    }

    internal static async Task<Results<Ok<FeedbackHistory>, NotFound>> GetHistoryAsync(long predictionId, FeedbackStore store, CancellationToken cancellationToken)
    {
        var history = await store.HistoryAsync(predictionId, cancellationToken);
        if (history is null)
        {
            return TypedResults.NotFound();
        }

        var views = history.Select(View).ToList();
        return TypedResults.Ok(new FeedbackHistory(predictionId, views.FirstOrDefault(view => view.SupersededAt is null), views));
    }

    private static FeedbackLabelView View(FeedbackRecord record) =>
        new(record.Label, record.Note, record.LabelledBy, record.LabelledAt, record.SupersededAt);
}
