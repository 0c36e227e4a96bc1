using LogGuard.Data;
using LogGuard.Data.Audit;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Diagnostics;

namespace LogGuard.Api.Infrastructure;

/// <summary>Turns the failures a client can act on into ProblemDetails; anything else is left to the default 500 handler.</summary>
internal sealed class KnownExceptionHandler(IProblemDetailsService problems, IOptions<AuditOptions> audit) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", Describe(bad)),
            AuditUnavailableException => (StatusCodes.Status503ServiceUnavailable, "Verdicts could not be stored", exception.Message),

            // The driver's message names the server and port; the client only needs to know to come back.
            _ when StoreFailures.IsTransient(exception) => (StatusCodes.Status503ServiceUnavailable, "The database cannot be reached", "The database is unreachable or busy; retry later."),
            _ => (0, "", ""),
        };

        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = audit.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    // A body that binding could not read: the parser knows where it failed, so the client is told.
    private static string Describe(BadHttpRequestException bad) => bad.InnerException is System.Text.Json.JsonException json
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bad.Message} At {json.Path ?? "$"} (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).")
        : bad.Message;
}
