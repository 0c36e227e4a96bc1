using LogGuard.Core.Detection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LogGuard.Api.Health;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health");
        group.MapGet("/live", () => TypedResults.Ok(new LiveStatus("live")))
            .WithName("Live")
            .WithSummary("The process is up")
            .WithDescription("Answers 200 as long as the process serves HTTP; checks nothing else.");
        group.MapGet("/ready", ReadyAsync)
            .WithName("Ready")
            .WithSummary("Ready to take traffic")
            .WithDescription("200 when the database is reachable and fully migrated; 503 otherwise. Reports whether the model is loaded: without it the service still answers, by rules alone.");
        return app;
    }

    internal static async Task<Results<Ok<ReadyStatus>, JsonHttpResult<ReadyStatus>>> ReadyAsync(
        HealthCheckService health, Detector detector, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var reachable = report.Entries[HealthServiceExtensions.DatabaseCheck].Status == HealthStatus.Healthy;
        var migrations = report.Entries[HealthServiceExtensions.MigrationsCheck];
        var pending = migrations.Data.TryGetValue(MigrationsHealthCheck.PendingKey, out var names) ? (IReadOnlyList<string>)names : [];
        var migrated = reachable && migrations.Status == HealthStatus.Healthy;

        // A missing model degrades the service (rules alone) but does not make it unready.
        var status = new ReadyStatus(
            report.Status == HealthStatus.Unhealthy ? "not_ready" : "ready",
            new DatabaseStatus(reachable, migrated, pending),
            new ModelStatus(detector.Model.IsAvailable, detector.Model.Version, detector.Model.UnavailableReason),
            detector.Rules.Version);
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(status, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(status);
    }
}

public sealed record LiveStatus(string Status);

/// <summary>Readiness, with each dependency's state as data.</summary>
public sealed record ReadyStatus(string Status, DatabaseStatus Database, ModelStatus Model, string RulesVersion);

public sealed record DatabaseStatus(bool Reachable, bool MigrationsApplied, IReadOnlyList<string> PendingMigrations);

/// <summary>Loaded false means every verdict comes from the rules; Reason says why.</summary>
public sealed record ModelStatus(bool Loaded, string Version, string? Reason);
