using LogGuard.Api.Security;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Monitoring;
using LogGuard.Core.Monitoring.StateMachine;
using LogGuard.Data;
using LogGuard.Data.Monitoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Api.Monitoring;

public static class MonitoringApi
{
    public static IEndpointRouteBuilder MapMonitoringApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/").WithTags("Monitoring").RequireClientAccess();
        group.MapGet("/state", GetStateAsync).WithName("GetState").WithSummary("Current health state")
            .WithDescription("NORMAL, WARNING or DEGRADED (rules decide, the model scores in shadow), since when and why, the baseline, the last monitor run with every signal, the streaks and the open incident.");
        group.MapGet("/incidents", ListIncidentsAsync).WithName("ListIncidents").WithSummary("Incidents, newest first")
            .WithDescription("Paged with page (from 1) and pageSize (1 to 100).");
        group.MapGet("/incidents/{id:long}", GetIncidentAsync).WithName("GetIncident").WithSummary("One incident with its evidence and explanations")
            .WithDescription("The signals that opened or escalated it, and the plain-English explanations written for it.");
        group.MapGet("/monitoring/runs", ListRunsAsync).WithName("ListRuns").WithSummary("Recent monitor runs")
            .WithDescription("Newest first; limit from 1 to 500 (default 20). Each run holds every signal's value, baseline, statistic and verdict.");
        group.MapGet("/baseline", GetBaselineAsync).WithName("GetBaseline").WithSummary("The active baseline")
            .WithDescription("The frozen statistics the model version's windows are compared with; 404 while baselining.");
        return app;
    }

    internal static async Task<Ok<StateResponse>> GetStateAsync(IDbContextFactory<LogGuardDbContext> contexts, ActiveModel active, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var state = await db.SystemState.AsNoTracking().SingleAsync(row => row.Id == SystemStateRecord.SingletonId, cancellationToken);
        var model = active.Current;
        var baseline = await BaselineStore.ActiveAsync(db, model.Version, cancellationToken);
        var run = await db.WindowMetrics.AsNoTracking().OrderByDescending(row => row.Id).FirstOrDefaultAsync(cancellationToken);
        var memory = MonitorJson.ReadMemory(state.Memory, state.State, new DateTimeOffset(state.Since, TimeSpan.Zero));
        return TypedResults.Ok(new StateResponse(
            state.State,
            state.State == SystemState.Degraded,
            state.Since,
            state.Reason,
            model.Version,
            baseline is null ? new BaselineStatus("BASELINING", 0) : new BaselineStatus("READY", baseline.SampleSize),
            run is null ? null : new LastRun(run.RunAt, run.WindowStart, run.WindowEnd, run.PredictionCount, run.Severity, [.. MonitorJson.ReadSignals(run.Signals).Select(SignalView.Of)]),
            new Streaks(memory.DeviatingStreak, memory.CriticalStreak, memory.NormalStreak),
            state.OpenIncidentId));
    }

    internal static async Task<Results<Ok<IncidentPage>, ValidationProblem>> ListIncidentsAsync(
        IDbContextFactory<LogGuardDbContext> contexts, CancellationToken cancellationToken, int page = 1, int pageSize = 20)
    {
        if (page < 1 || pageSize is < 1 or > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = ["page must be ≥ 1 and pageSize 1 to 100"] });
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.Incidents.CountAsync(cancellationToken);
        var items = await db.Incidents.AsNoTracking().OrderByDescending(row => row.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(row => new IncidentSummary(row.Id, row.DetectedAt, row.Severity, row.FallbackActivated, row.Resolved, row.ResolvedAt, row.AcknowledgedAt, row.DecisionReason))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new IncidentPage(page, pageSize, total, items));
    }

    internal static async Task<Results<Ok<IncidentDetail>, NotFound>> GetIncidentAsync(long id, IDbContextFactory<LogGuardDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(row => row.Id == id, cancellationToken);
        if (incident is null)
        {
            return TypedResults.NotFound();
        }

        var explanations = await db.IncidentExplanations.AsNoTracking().Where(row => row.IncidentId == id).OrderBy(row => row.Id)
            .Select(row => new ExplanationView(row.GeneratedAt, row.Explainer, row.Summary, row.Recommendations)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new IncidentDetail(
            incident.Id, incident.DetectedAt, incident.Severity, incident.DecisionReason, incident.FallbackActivated, incident.Resolved,
            incident.ResolvedAt, incident.AcknowledgedAt, [.. MonitorJson.ReadSignals(incident.TriggerSignals).Select(SignalView.Of)], explanations));
    }

    internal static async Task<Results<Ok<List<RunView>>, ValidationProblem>> ListRunsAsync(
        IDbContextFactory<LogGuardDbContext> contexts, CancellationToken cancellationToken, int limit = 20)
    {
        if (limit is < 1 or > 500)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["limit must be 1 to 500"] });
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await db.WindowMetrics.AsNoTracking().OrderByDescending(row => row.Id).Take(limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(runs.Select(run => new RunView(
            run.Id, run.RunAt, run.WindowStart, run.WindowEnd, run.PredictionCount, run.Severity, run.StateBefore, run.StateAfter,
            [.. MonitorJson.ReadSignals(run.Signals).Select(SignalView.Of)], run.RunBy)).ToList());
    }

    internal static async Task<Results<Ok<BaselineView>, NotFound>> GetBaselineAsync(IDbContextFactory<LogGuardDbContext> contexts, ActiveModel active, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var model = active.Current;
        var baseline = await BaselineStore.ActiveAsync(db, model.Version, cancellationToken);
        return baseline is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new BaselineView(baseline.Id, baseline.ModelVersion, baseline.Origin, baseline.CreatedAt, baseline.SampleSize, baseline.PeriodStart, baseline.PeriodEnd, MonitorJson.ReadSummary(baseline.Summary)));
    }
}
