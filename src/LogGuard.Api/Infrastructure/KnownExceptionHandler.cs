using LogGuard.Data.Audit;
using Microsoft.AspNetCore.Diagnostics;

namespace LogGuard.Api.Infrastructure;

/// <summary>Turns the failures a client can act on into ProblemDetails; anything else is left to the default 500 handler.</summary>
internal sealed class KnownExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request"),
            AuditUnavailableException => (StatusCodes.Status503ServiceUnavailable, "Verdicts could not be stored"),
            _ => (0, ""),
        };

        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = exception.Message },
        });
    }
}
