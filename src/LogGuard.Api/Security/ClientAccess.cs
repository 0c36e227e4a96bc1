using Microsoft.AspNetCore.Authorization;

namespace LogGuard.Api.Security;

/// <summary>
/// The policy of the routes that take lines and show results: a client key when <c>Security:ApiKeys</c> names any,
/// open otherwise; and the per-client rate limit.
/// </summary>
public static class ClientAccess
{
    public const string PolicyName = "client";

    /// <summary>
    /// Puts a route or group under the client policy. What is not configured is not added: an open service with no
    /// rate limit pays nothing per request for checks that could only pass.
    /// </summary>
    public static TBuilder RequireClientAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint.ApplicationServices.GetRequiredService<ClientKeys>().Required)
            {
                endpoint.Metadata.Add(new AuthorizeAttribute(PolicyName));
            }

            if (RateLimited(endpoint.ApplicationServices))
            {
                endpoint.Metadata.Add(ClientRateLimited.Instance);
            }
        });
        return builder;
    }

    internal static bool RateLimited(IServiceProvider services) =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value.RequestsPerSecond > 0;

    /// <summary>The name of the key a request was made with; null on an open service.</summary>
    public static string? ClientName(this HttpContext http) => http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name : null;
}

