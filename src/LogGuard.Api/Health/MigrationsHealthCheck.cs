using LogGuard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LogGuard.Api.Health;

/// <summary>Unhealthy while a migration the service expects is not applied; the pending names are in the result's data.</summary>
internal sealed class MigrationsHealthCheck(IDbContextFactory<LogGuardDbContext> contexts) : IHealthCheck
{
    public const string PendingKey = "pending";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        var data = new Dictionary<string, object> { [PendingKey] = pending };
        return pending.Count == 0
            ? HealthCheckResult.Healthy("every migration is applied", data)
            : HealthCheckResult.Unhealthy($"{pending.Count} migrations are not applied", data: data);
    }
}
