using LogGuard.Core.Detection;
using LogGuard.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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
        IDbContextFactory<LogGuardDbContext> contexts, Detector detector, CancellationToken cancellationToken)
    {
        bool reachable;
        var pending = new List<string>();
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            reachable = await db.Database.CanConnectAsync(cancellationToken);
            if (reachable)
            {
                pending.AddRange(await db.Database.GetPendingMigrationsAsync(cancellationToken));
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            reachable = false;
        }

        var status = new ReadyStatus(
            reachable && pending.Count == 0 ? "ready" : "not_ready",
            new DatabaseStatus(reachable, pending.Count == 0 && reachable, pending),
            new ModelStatus(detector.Model.IsAvailable, detector.Model.Version, detector.Model.UnavailableReason),
            detector.Rules.Version);
        return status.Status == "ready" ? TypedResults.Ok(status) : TypedResults.Json(status, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

public sealed record LiveStatus(string Status);

/// <summary>Readiness, with each dependency's state as data.</summary>
public sealed record ReadyStatus(string Status, DatabaseStatus Database, ModelStatus Model, string RulesVersion);

public sealed record DatabaseStatus(bool Reachable, bool MigrationsApplied, IReadOnlyList<string> PendingMigrations);

/// <summary>Loaded false means every verdict comes from the rules; Reason says why.</summary>
public sealed record ModelStatus(bool Loaded, string Version, string? Reason);
