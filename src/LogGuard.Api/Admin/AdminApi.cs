using LogGuard.Api.Security;
using LogGuard.Api.Analysis;
using LogGuard.Api.Models;
using LogGuard.Api.Monitoring;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Monitoring;
using LogGuard.Core.Monitoring.StateMachine;
using LogGuard.Data;
using LogGuard.Data.Analysis;
using LogGuard.Data.Audit;
using LogGuard.Data.Monitoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Admin;

public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin").WithTags("Admin").AddEndpointFilter<AdminKeyFilter>();
        group.MapPost("/monitor/run", RunMonitorAsync).WithName("RunMonitor").WithSummary("Run the monitor now")
            .WithDescription("Evaluates the window since the last run, applies the state machine and returns the run.");
        group.MapPost("/baseline", RebuildBaselineAsync).WithName("RebuildBaseline").WithSummary("Rebuild the baseline")
            .WithDescription("From the predictions of a period (origin \"traffic\", from/to in UTC), or from the held-out statistics written by training (origin \"training\").");
        group.MapPost("/state", ForceStateAsync).WithName("ForceState").WithSummary("Force fallback, or return to NORMAL")
            .WithDescription("state: DEGRADED or NORMAL, with a reason; recorded like any transition. Returning to NORMAL also clears a fallback latch. 409 when the service is already in that state.");
        group.MapPost("/incidents/{id:long}/ack", AcknowledgeAsync).WithName("AcknowledgeIncident").WithSummary("Acknowledge an incident")
            .WithDescription("Marks it acknowledged; for the open incident this also lifts a fallback latch, so recovery can proceed.");
        group.MapGet("/feedback/export", ExportLabelledLinesAsync).WithName("ExportLabelledLines").WithSummary("Labelled live lines, as TSV")
            .WithDescription(
                "Every prediction's current label with its masked line, newest first, at most limit (default and maximum Analysis:MaxLabelledRows): "
                + "'label<TAB>line' under a header, the format the evaluate command and training read.");
        group.MapPost("/models/{version}/promote", PromoteAsync).WithName("PromoteModel").WithSummary("Promote a registered model")
            .WithDescription(
                "Refused (422, nothing changes) unless the candidate passes the canary, beats the active model's held-out F1 by Promotion:MinF1Gain "
                + "without a worse false-positive rate, and, with at least Promotion:MinLiveLabels labelled live lines, is no worse on them. "
                + "Every decision is recorded with its figures. On acceptance the model is swapped in without a restart, and every instance follows.");
        return app;
    }

    internal static async Task<Ok<MonitorRunResult>> RunMonitorAsync(MonitorService monitor, CancellationToken cancellationToken) =>
        TypedResults.Ok(await monitor.RunOnceAsync(cancellationToken));

    internal static async Task<Results<Ok<BaselineRebuilt>, ValidationProblem>> RebuildBaselineAsync(
        BaselineRequest request, BaselineStore baselines, IDbContextFactory<LogGuardDbContext> contexts, ActiveModel active, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        switch (request.Origin)
        {
            case "training" when active.Current.Metadata is { } metadata:
                var seeded = await baselines.SeedFromTrainingAsync(db, metadata, cancellationToken);
                return TypedResults.Ok(new BaselineRebuilt(seeded.Id, seeded.Origin, seeded.SampleSize));
            case "training":
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["origin"] = ["no model metadata is loaded to seed from"] });
            case "traffic" when request.From is { } from && request.To is { } to && from < to:
                var rebuilt = await baselines.RebuildFromPeriodAsync(db, active.Current.Version, from.ToUniversalTime(), to.ToUniversalTime(), cancellationToken);
                return rebuilt.SampleSize == 0
                    ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["no prediction of the current model in that period"] })
                    : TypedResults.Ok(new BaselineRebuilt(rebuilt.Id, rebuilt.Origin, rebuilt.SampleSize));
            default:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["origin"] = ["origin must be \"training\", or \"traffic\" with from < to"] });
        }
    }

    internal static async Task<Results<Ok<Core.Monitoring.StateMachine.Transition>, ValidationProblem, ProblemHttpResult>> ForceStateAsync(
        StateRequest request, MonitorService monitor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!SystemStateNames.TryParse(request.State, out var target) || target == SystemState.Warning)
        {
            errors["state"] = ["state must be DEGRADED or NORMAL"];
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 500)
        {
            errors["reason"] = ["reason is required, at most 500 characters"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            return TypedResults.Ok(await monitor.ForceStateAsync(target, request.Reason!, cancellationToken));
        }
        catch (IllegalStateChangeException refused)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The state cannot change that way", detail: refused.Message);
        }
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportLabelledLinesAsync(
        int? limit, IDbContextFactory<LogGuardDbContext> contexts, IOptions<AnalysisOptions> analysis, CancellationToken cancellationToken)
    {
        var max = analysis.Value.MaxLabelledRows;
        if (limit is < 1 || limit > max)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be 1 to {max} (Analysis:MaxLabelledRows)"] });
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lines = await LabelledLines.ReadAsync(db, limit ?? max, cancellationToken);
        var tsv = new System.Text.StringBuilder("label\tline\n");
        foreach (var line in lines)
        {
            // One record per line: a line break inside a log line would split it in two.
            var text = InputSummaries.MaskedLine(line.InputSummary).ReplaceLineEndings(" ");
            tsv.Append(line.Suspicious ? "suspicious" : "normal").Append('\t').Append(text).Append('\n');
        }

        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(tsv.ToString()), "text/tab-separated-values; charset=utf-8", "labelled-lines.tsv");
    }

    internal static async Task<Results<Ok<PromotionView>, NotFound, ProblemHttpResult>> PromoteAsync(
        string version, ModelPromotion promotion, ActiveModel active, CancellationToken cancellationToken)
    {
        if (version == active.Current.Version)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already active", detail: $"Model {version} is the active model.");
        }

        var decision = await promotion.PromoteAsync(version, cancellationToken);
        if (decision is null)
        {
            return TypedResults.NotFound();
        }

        if (decision.Accepted)
        {
            return TypedResults.Ok(decision);
        }

        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Promotion refused",
            Detail = $"Model {version} was not promoted: " + string.Join("; ", decision.Checks.Where(check => check.StartsWith("failed", StringComparison.Ordinal))),
        };
        problem.Extensions["decision"] = decision;
        return TypedResults.Problem(problem);
    }

    internal static async Task<Results<NoContent, NotFound>> AcknowledgeAsync(long id, MonitorService monitor, CancellationToken cancellationToken) =>
        await monitor.AcknowledgeAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}

/// <summary>origin "training", or "traffic" with a UTC period [from, to).</summary>
public sealed record BaselineRequest(string? Origin, DateTime? From, DateTime? To);

public sealed record BaselineRebuilt(long Id, string Origin, long SampleSize);

/// <summary>state: DEGRADED or NORMAL; reason: why, for the record.</summary>
public sealed record StateRequest(string? State, string? Reason);
