using LogGuard.Data;
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

        builder.Services.AddSingleton<ClientRateLimiter>();

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
            app.UseMiddleware<ClientRateLimitMiddleware>();
        }

        return app;
    }
}
