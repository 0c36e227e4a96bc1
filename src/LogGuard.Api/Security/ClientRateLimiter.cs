using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Security;

/// <summary>
/// One token bucket per client (its key's name, or its address on an open service), held by the container so that
/// stopping the service disposes it.
/// </summary>
/// <remarks>
/// ASP.NET Core's rate-limiting middleware builds a partitioned limiter it never disposes (dotnet/aspnetcore#66434):
/// the limiter's heartbeat timer keeps the stopped application, its pipeline and its services reachable for the
/// life of the process. One service per process does not notice; a process that starts many, as the API tests do,
/// runs out of memory.
/// </remarks>
internal sealed class ClientRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public ClientRateLimiter(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.Burst,
            TokensPerPeriod = limits.RequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            RateLimitPartition.GetTokenBucketLimiter(ClientOf(http), _ => bucket));
    }

    /// <summary>A lease to hold for the request; one that is not acquired says the client is over its rate.</summary>
    public RateLimitLease Acquire(HttpContext http) => _limiter.AttemptAcquire(http);

    public void Dispose() => _limiter.Dispose();

    private static string ClientOf(HttpContext http) =>
        http.ClientName() is { } name ? "key:" + name : "address:" + http.Connection.RemoteIpAddress;
}
