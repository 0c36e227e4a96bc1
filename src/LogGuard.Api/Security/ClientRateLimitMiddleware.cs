using System.Globalization;
using System.Threading.RateLimiting;
using LogGuard.Api.Detection;
using LogGuard.Data.Audit;

namespace LogGuard.Api.Security;

/// <summary>
/// Answers 429 with <c>Retry-After</c> to a client over its rate on the routes under the client policy; other
/// routes (health, metrics, the dashboard) are never limited.
/// </summary>
internal sealed class ClientRateLimitMiddleware(RequestDelegate next, ClientRateLimiter limiter, RejectionCounter rejections)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<ClientRateLimited>() is null)
        {
            await next(http);
            return;
        }

        using var lease = limiter.Acquire(http);
        if (lease.IsAcquired)
        {
            await next(http);
            return;
        }

        rejections.Record(RejectionReasons.RateLimited);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This client is over RateLimit:RequestsPerSecond; retry after {retryAfter} s.",
            },
        });
    }
}

/// <summary>Marks an endpoint whose requests count against the client's rate.</summary>
internal sealed class ClientRateLimited
{
    public static readonly ClientRateLimited Instance = new();
}
