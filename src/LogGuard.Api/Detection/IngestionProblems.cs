using LogGuard.Data.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LogGuard.Api.Detection;

/// <summary>The refusals every ingestion route shares, worded once, each counted under its reason.</summary>
internal static class IngestionProblems
{
    public static ProblemHttpResult BodyTooLarge(RejectionCounter rejections, DetectionOptions limits)
    {
        rejections.Record(RejectionReasons.BodyTooLarge);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large",
            detail: $"The body, decompressed, is larger than Detection:MaxBodyBytes ({limits.MaxBodyBytes} bytes).");
    }

    /// <summary>Nothing was stored: the client is told to come back, and when.</summary>
    public static ProblemHttpResult AuditUnavailable(HttpContext http, RejectionCounter rejections, AuditUnavailableException exception, AuditOptions audit)
    {
        rejections.Record(RejectionReasons.AuditUnavailable);
        http.Response.Headers.RetryAfter = audit.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Verdicts could not be stored",
            detail: exception.Message + " Nothing from this request was stored; retry later.");
    }
}
