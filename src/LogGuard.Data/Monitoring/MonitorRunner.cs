using LogGuard.Core.Detection.Model;
using LogGuard.Core.Monitoring;
using LogGuard.Core.Monitoring.Explanations;
using LogGuard.Core.Monitoring.Signals;
using LogGuard.Core.Monitoring.StateMachine;
using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LogGuard.Data.Monitoring;

/// <summary>
/// One monitor run: summarise the window since the last run, compare it with the baseline, step the state
/// machine, and store the run, the transition and the incident in one transaction. The explainer runs after,
/// on committed evidence, and cannot change what was decided.
/// </summary>
public sealed partial class MonitorRunner(
    IDbContextFactory<LogGuardDbContext> contexts,
    IModelScorer model,
    TrafficAggregator aggregator,
    BaselineStore baselines,
    SystemStateCache stateCache,
    IIncidentExplainer explainer,
    IOptions<MonitoringOptions> options,
    TimeProvider time,
    ILogger<MonitorRunner> logger)
{

    public async Task<MonitorRunResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var runAt = time.GetUtcNow().UtcDateTime;
        var now = runAt - TimeSpan.FromMilliseconds(settings.SettleMilliseconds);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var state = await db.SystemState.SingleAsync(row => row.Id == SystemStateRecord.SingletonId, cancellationToken);

        var baseline = await BaselineStore.ActiveAsync(db, model.Version, cancellationToken)
            ?? await baselines.FreezeFromFirstPredictionsAsync(db, model.Version, cancellationToken);
        if (baseline is null)
        {
            return new MonitorRunResult(MonitorRunResult.Baselining, null, null, 0, "BASELINING", [], state.State, null, null, state.OpenIncidentId);
        }

        // Tumbling windows: each starts where the last ended, and never inside the baseline.
        var start = Max(state.LastWindowEnd ?? baseline.PeriodEnd.AddTicks(1), baseline.PeriodEnd.AddTicks(1));
        if (start >= now)
        {
            now = start;
        }

        var baselineSummary = MonitorJson.ReadSummary(baseline.Summary);
        var window = await aggregator.SummariseAsync(db, row => row.Timestamp >= start && row.Timestamp < now, start, now, baselineSummary.TokenFrequencies.Keys.ToList(), cancellationToken);
        var signals = SignalEvaluator.Evaluate(window, baselineSummary, settings, recovering: state.State != SystemStates.Normal);
        var severity = SignalEvaluator.RunSeverity(signals);

        var memory = MonitorJson.ReadMemory(state.Memory, state.State, new DateTimeOffset(state.Since, TimeSpan.Zero));
        var firing = signals.Where(signal => signal.Verdict >= Severity.Warning).Select(signal => signal.Name).ToList();
        var (next, transition) = HealthStateMachine.Step(memory, severity, firing, new DateTimeOffset(runAt, TimeSpan.Zero), settings);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = new WindowMetricsRecord
        {
            RunAt = runAt,
            WindowStart = start,
            WindowEnd = now,
            PredictionCount = window.Count,
            BaselineId = baseline.Id,
            Severity = SeverityNames.Of(severity),
            Signals = MonitorJson.Write(signals),
            StateBefore = state.State,
            StateAfter = next.State,
        };
        db.WindowMetrics.Add(run);
        await db.SaveChangesAsync(cancellationToken);

        IncidentRecord? incident = null;
        if (transition is not null)
        {
            incident = await RecordTransitionAsync(db, state, transition, run, signals, runAt, cancellationToken);
        }

        state.State = next.State;
        state.Since = next.Since.UtcDateTime;
        state.Memory = MonitorJson.Write(next);
        state.LastWindowEnd = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        stateCache.Invalidate();

        if (transition is not null)
        {
            LogTransition(logger, transition);
            if (incident is not null && !transition.IsRecovery)
            {
                ExplainInBackground(incident, transition, signals, window.Count);
            }
        }

        return new MonitorRunResult(MonitorRunResult.Evaluated, start, now, window.Count, run.Severity, signals, next.State, transition, run.Id, state.OpenIncidentId);
    }

    /// <summary>An operator forces fallback or a return to NORMAL; recorded like any transition.</summary>
    public async Task<Transition> ForceStateAsync(string target, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var state = await db.SystemState.SingleAsync(row => row.Id == SystemStateRecord.SingletonId, cancellationToken);
        var memory = MonitorJson.ReadMemory(state.Memory, state.State, new DateTimeOffset(state.Since, TimeSpan.Zero));
        var (next, transition) = HealthStateMachine.Force(memory, target, reason, new DateTimeOffset(now, TimeSpan.Zero));
        var incident = await RecordTransitionAsync(db, state, transition, run: null, [], now, cancellationToken, trigger: "operator");
        state.State = next.State;
        state.Since = now;
        state.Memory = MonitorJson.Write(next);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        stateCache.Invalidate();
        LogTransition(logger, transition);
        if (incident is not null && !transition.IsRecovery)
        {
            ExplainInBackground(incident, transition, [], 0);
        }

        return transition;
    }

    /// <summary>An operator acknowledges an incident; this also lifts a fallback latch, so recovery can proceed.</summary>
    public async Task<bool> AcknowledgeAsync(long incidentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var incident = await db.Incidents.SingleOrDefaultAsync(row => row.Id == incidentId, cancellationToken);
        if (incident is null)
        {
            return false;
        }

        incident.AcknowledgedAt ??= time.GetUtcNow().UtcDateTime;
        var state = await db.SystemState.SingleAsync(row => row.Id == SystemStateRecord.SingletonId, cancellationToken);
        if (state.OpenIncidentId == incidentId)
        {
            var memory = MonitorJson.ReadMemory(state.Memory, state.State, new DateTimeOffset(state.Since, TimeSpan.Zero));
            state.Memory = MonitorJson.Write(memory with { Latched = false });
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static async Task<IncidentRecord?> RecordTransitionAsync(
        LogGuardDbContext db, SystemStateRecord state, Transition transition, WindowMetricsRecord? run,
        IReadOnlyList<SignalResult> signals, DateTime now, CancellationToken cancellationToken, string trigger = "monitor")
    {
        db.StateTransitions.Add(new StateTransitionRecord
        {
            At = now,
            FromState = transition.From,
            ToState = transition.To,
            Reason = transition.Reason,
            Trigger = trigger,
            IsRecovery = transition.IsRecovery,
            WindowMetricsId = run?.Id,
        });
        state.Reason = transition.Reason;

        var open = state.OpenIncidentId is { } id ? await db.Incidents.SingleOrDefaultAsync(row => row.Id == id, cancellationToken) : null;
        var evidence = MonitorJson.Write(signals.Where(signal => signal.Verdict >= Severity.Warning).ToList());
        if (transition.To == SystemStates.Normal)
        {
            if (open is not null)
            {
                open.Resolved = true;
                open.ResolvedAt = now;
            }

            state.OpenIncidentId = null;
            await db.SaveChangesAsync(cancellationToken);
            return open;
        }

        if (open is null)
        {
            open = new IncidentRecord
            {
                DetectedAt = now,
                Severity = transition.To,
                TriggerSignals = evidence,
                DecisionReason = transition.Reason,
                FallbackActivated = transition.To == SystemStates.Degraded,
            };
            db.Incidents.Add(open);
        }
        else
        {
            // Escalation keeps one incident: the evidence of the step that made it worse replaces the earlier one.
            open.Severity = transition.To;
            open.TriggerSignals = evidence;
            open.DecisionReason = transition.Reason;
            open.FallbackActivated |= transition.To == SystemStates.Degraded;
        }

        await db.SaveChangesAsync(cancellationToken);
        state.OpenIncidentId = open.Id;
        return open;
    }

    // The decision is committed before this starts and nothing waits for it: a slow or failing explainer
    // delays no request and no run, and can only fail to add its text.
    private void ExplainInBackground(IncidentRecord incident, Transition transition, IReadOnlyList<SignalResult> signals, long predictions) =>
        _ = Task.Run(() => ExplainAsync(incident, transition, signals, predictions));

    private async Task ExplainAsync(IncidentRecord incident, Transition transition, IReadOnlyList<SignalResult> signals, long predictions)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.ExplainerTimeoutSeconds));
            var evidence = new IncidentEvidence(incident.Id, incident.Severity, transition.From, transition.To, transition.Reason, incident.FallbackActivated, signals, predictions);
            var explanation = await explainer.ExplainAsync(evidence, timeout.Token).WaitAsync(timeout.Token);
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            db.IncidentExplanations.Add(new IncidentExplanationRecord
            {
                IncidentId = incident.Id,
                GeneratedAt = time.GetUtcNow().UtcDateTime,
                Summary = explanation.Summary,
                Recommendations = explanation.Recommendations,
                Explainer = explainer.Name,
            });
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The decision stands whatever happens here: the explainer only ever adds text.
            LogExplainerFailed(logger, exception, explainer.Name, incident.Id);
        }
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static void LogTransition(ILogger logger, Transition transition)
    {
        if (transition.IsRecovery)
        {
            LogRecovery(logger, transition.From, transition.To, transition.Reason);
        }
        else
        {
            LogDeterioration(logger, transition.From, transition.To, transition.Reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "State {From} -> {To}: {Reason}")]
    private static partial void LogDeterioration(ILogger logger, string from, string to, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovery: state {From} -> {To}: {Reason}")]
    private static partial void LogRecovery(ILogger logger, string from, string to, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Explainer {Explainer} failed for incident {IncidentId}; the incident and the state are unaffected")]
    private static partial void LogExplainerFailed(ILogger logger, Exception exception, string explainer, long incidentId);
}
