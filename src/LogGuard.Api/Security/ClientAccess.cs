using Microsoft.AspNetCore.Authorization;

namespace LogGuard.Api.Security;

/// <summary>
/// The policy of the routes that take lines and show results: a client key when <c>Security:ApiKeys</c> names any,
/// open otherwise; and the per-client rate limit.
/// </summary>
public static class ClientAccess
{
    public const string PolicyName = "client";

    /// <summary>Puts a route or group under the client policy.</summary>
    public static TBuilder RequireClientAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(PolicyName).RequireRateLimiting(PolicyName);

    /// <summary>The name of the key a request was made with; null on an open service.</summary>
    public static string? ClientName(this HttpContext http) => http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name : null;
}

/// <summary>Met by an authenticated client, or by anyone when no client keys are configured.</summary>
internal sealed class ClientKeyRequirement : AuthorizationHandler<ClientKeyRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ClientKeyRequirement requirement)
    {
        var keys = (context.Resource as HttpContext)?.RequestServices.GetRequiredService<ClientKeys>();
        if (keys is { Required: false } || context.User.Identity?.IsAuthenticated == true)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
