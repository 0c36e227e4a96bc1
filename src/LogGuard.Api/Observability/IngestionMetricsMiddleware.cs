using LogGuard.Api.Ingestion;

namespace LogGuard.Api.Observability;

/// <summary>Times every ingestion request and counts it by outcome, whatever answered it (a retry's replay included).</summary>
internal sealed class IngestionMetricsMiddleware(RequestDelegate next, LogGuardMetrics metrics, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<IngestionEndpoint>() is null)
        {
            await next(http);
            return;
        }

        var started = time.GetTimestamp();
        try
        {
            await next(http);
        }
        catch
        {
            // The exception handler, further out, answers it; whatever it says, the request failed here.
            metrics.RequestAnswered(http.Request.Path, StatusCodes.Status500InternalServerError, time.GetElapsedTime(started));
            throw;
        }

        metrics.RequestAnswered(http.Request.Path, http.Response.StatusCode, time.GetElapsedTime(started));
    }
}
