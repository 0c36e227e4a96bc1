using System.Globalization;
using System.Threading.RateLimiting;
using LogGuard.Api.Detection;
using LogGuard.Data;
using LogGuard.Data.Audit;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Security;

public static class SecurityServiceExtensions
{
    private const string CorsPolicyName = "configured-origins";

    /// <summary>Client keys, the admin key, rate limits and CORS, from the Security and RateLimit sections.</summary>
    public static IHostApplicationBuilder AddLogGuardSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(DataServiceCollectionExtensions.SectionPath(SecurityOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(DataServiceCollectionExtensions.SectionPath(RateLimitOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ClientKeys>();

        // No default scheme: only routes under the client policy authenticate, so an open service, a health probe or
        // a scrape does not pay for a key check per request. ASP.NET Core makes a lone scheme the default unless told not to.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        builder.Services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(
            ClientAccess.PolicyName, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(ClientAccess.PolicyName, http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var client = http.ClientName() is { } name ? "key:" + name : "address:" + http.Connection.RemoteIpAddress;
                return limits.RequestsPerSecond == 0
                    ? RateLimitPartition.GetNoLimiter(client)
                    : RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.Burst,
                        TokensPerPeriod = limits.RequestsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
            });
            limiter.OnRejected = RejectAsync;
        });

        builder.Services.AddCors();
        builder.Services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<SecurityOptions>>((cors, security) =>
            cors.AddPolicy(CorsPolicyName, policy => policy
                .WithOrigins([.. security.Value.CorsOrigins])
                .WithMethods("GET", "POST")
                .WithHeaders("Content-Type", "Content-Encoding", "Authorization", AdminKeyFilter.HeaderName, Ingestion.IdempotencyMiddleware.HeaderName)));
        return builder;
    }

    /// <summary>Headers on every answer, then CORS, the client's identity and its rate limit, in that order.</summary>
    public static WebApplication UseLogGuardSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.CorsOrigins.Count > 0)
        {
            app.UseCors(CorsPolicyName);
        }

        if (app.Services.GetRequiredService<ClientKeys>().Required)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        if (ClientAccess.RateLimited(app.Services))
        {
            app.UseRateLimiter();
        }

        return app;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        http.RequestServices.GetRequiredService<RejectionCounter>().Record(RejectionReasons.RateLimited);
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
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
