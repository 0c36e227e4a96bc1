using LogGuard.Data;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Api.Health;

public static class HealthServiceExtensions
{
    public const string DatabaseCheck = "database";
    public const string MigrationsCheck = "migrations";
    public const string ModelCheck = "model";

    /// <summary>Readiness as ASP.NET Core health checks: the database answers, every migration is applied, the model is loaded.</summary>
    public static IHostApplicationBuilder AddLogGuardHealth(this IHostApplicationBuilder builder)
    {
        // The DbContext check resolves a scoped context; it comes from the same pooled factory as every other.
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<LogGuardDbContext>>().CreateDbContext());
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<LogGuardDbContext>(DatabaseCheck)
            .AddCheck<MigrationsHealthCheck>(MigrationsCheck)
            .AddCheck<ModelHealthCheck>(ModelCheck);
        return builder;
    }
}
