using LogGuard.Api.Models;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Monitoring;
using LogGuard.Core.Monitoring.Explanations;
using LogGuard.Core.Monitoring.Signals;
using LogGuard.Core.Monitoring.StateMachine;
using LogGuard.Data;
using LogGuard.Data.Entities;
using LogGuard.Data.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Monitoring;

/// <summary>
/// The monitor's workflow: summarise the window since the last run, compare it with the baseline, step the
/// state machine, and store the run, the transition and the incident in one transaction. Every change of state
/// goes through the state record's guarded methods, whether the monitor or an operator asks for it. Explanations
/// are queued after the commit and cannot change what was decided.
/// </summary>
public sealed partial class MonitorService(
    IDbContextFactory<LogGuardDbContext> contexts,
    ActiveModel active,
    TrafficAggregator aggregator,
    BaselineStore baselines,
    SystemStateCache stateCache,
    ModelCatalog catalog,
    ModelCanary canary,
    IncidentExplanationQueue explanations,
    Observability.LogGuardMetrics metrics,
    IOptions<MonitoringOptions> options,
    TimeProvider time,
    ILogger<MonitorService> logger)
{
    private const string MonitorTrigger = "monitor";
    private const string OperatorTrigger = "operator";

    private static readonly string InstanceName = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task<MonitorRunResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var model = active.Current;
        var runAt = StoredInstant.Of(time.GetUtcNow().UtcDateTime);
        var now = StoredInstant.Of(runAt - TimeSpan.FromMilliseconds(settings.SettleMilliseconds));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var state = await LoadStateAsync(db, cancellationToken);

        var baseline = await BaselineStore.ActiveAsync(db, model.Version, cancellationToken)
            ?? await baselines.FreezeFromFirstPredictionsAsync(db, model.Version, cancellationToken);
        if (baseline is null)
        {
            return MonitorRunResult.StillBaselining(state);
        }

        // Tumbling windows: each starts where the last ended, and never inside the baseline.
        var afterBaseline = baseline.PeriodEnd + StoredInstant.Resolution;
        var start = Max(state.LastWindowEnd ?? afterBaseline, afterBaseline);
        if (start >= now)
        {
            now = start;
        }

        var baselineSummary = MonitorJson.ReadSummary(baseline.Summary);
        if (baseline.Origin == BaselineStore.TrafficOrigin)
        {
            var (periodStart, periodEnd, version) = (baseline.PeriodStart, baseline.PeriodEnd, baseline.ModelVersion);
            baselineSummary = baselineSummary.WithLabels(await TrafficAggregator.CountLabelledAsync(
                db, row => row.ModelVersion == version && row.Timestamp >= periodStart && row.Timestamp <= periodEnd, cancellationToken));
        }

        var window = await aggregator.SummariseAsync(db, row => row.Timestamp >= start && row.Timestamp < now, start, now, [.. baselineSummary.TokenFrequencies.Keys], cancellationToken);
        IReadOnlyList<SignalResult> signals = SignalEvaluator.Evaluate(window, baselineSummary, settings, recovering: state.State != SystemState.Normal);
        var canaryFinding = CanarySignal(model);
        if (canaryFinding is not null)
        {
            signals = [.. signals, canaryFinding];
        }

        var severity = SignalEvaluator.RunSeverity(signals);
        var (next, transition) = HealthStateMachine.StepRun(ReadMemory(state), signals, new DateTimeOffset(runAt, TimeSpan.Zero), settings);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = new WindowMetricsRecord
        {
            RunAt = runAt,
            RunBy = InstanceName,
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
            incident = await RecordTransitionAsync(db, state, transition, run, signals, runAt, MonitorTrigger, cancellationToken);
        }

        state.Remember(next, MonitorJson.Write(next));
        state.CloseWindow(now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        AfterCommit(transition, incident, signals, window.Count);

        return new MonitorRunResult(MonitorRunResult.Evaluated, start, now, window.Count, run.Severity, signals, next.State, transition, run.Id, state.OpenIncidentId);
    }

    // The golden set scored by the model now, against what was recorded at registration; null when there is
    // nothing to hold the model to (no registry entry, or no model loaded).
    private SignalResult? CanarySignal(Core.Detection.Model.IModelScorer model)
    {
        if (canary.Check(model, catalog.Registry?.Find(model.Version)) is not { } result)
        {
            return null;
        }

        return new SignalResult(
            HealthStateMachine.CanarySignal, result.Accuracy, result.RecordedAccuracy, 0, result.Passed ? 1 : 0, Math.Round(result.RecordedAccuracy - result.Accuracy, 6),
            result.Margin, result.Margin, CanBeCritical: true, result.Passed ? Severity.Normal : Severity.Critical);
    }

    /// <summary>An operator forces fallback or a return to NORMAL; recorded like any transition, refused when illegal.</summary>
    public async Task<Transition> ForceStateAsync(SystemState target, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var state = await LoadStateAsync(db, cancellationToken);
        var (next, transition) = HealthStateMachine.Force(ReadMemory(state), target, reason, new DateTimeOffset(now, TimeSpan.Zero));
        var incident = await RecordTransitionAsync(db, state, transition, run: null, [], now, OperatorTrigger, cancellationToken);
        state.Remember(next, MonitorJson.Write(next));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        AfterCommit(transition, incident, [], 0);
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
        var state = await LoadStateAsync(db, cancellationToken);
        if (state.OpenIncidentId == incidentId)
        {
            var unlatched = ReadMemory(state) with { Latched = false };
            state.Remember(unlatched, MonitorJson.Write(unlatched));
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static Task<SystemStateRecord> LoadStateAsync(LogGuardDbContext db, CancellationToken cancellationToken) =>
        db.SystemState.SingleAsync(row => row.Id == SystemStateRecord.SingletonId, cancellationToken);

    private static MonitorMemory ReadMemory(SystemStateRecord state) =>
        MonitorJson.ReadMemory(state.Memory, state.State, new DateTimeOffset(state.Since, TimeSpan.Zero));

    private static async Task<IncidentRecord?> RecordTransitionAsync(
        LogGuardDbContext db, SystemStateRecord state, Transition transition, WindowMetricsRecord? run,
        IReadOnlyList<SignalResult> signals, DateTime now, string trigger, CancellationToken cancellationToken)
    {
        state.Apply(transition, now);
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

        var open = state.OpenIncidentId is { } id ? await db.Incidents.SingleOrDefaultAsync(row => row.Id == id, cancellationToken) : null;
        var evidence = MonitorJson.Write(signals.Where(signal => signal.Verdict >= Severity.Warning).ToList());
        if (transition.To == SystemState.Normal)
        {
            if (open is not null)
            {
                open.Resolved = true;
                open.ResolvedAt = now;
            }

            state.TrackIncident(null);
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
                FallbackActivated = transition.To == SystemState.Degraded,
            };
            db.Incidents.Add(open);
        }
        else
        {
            // Escalation keeps one incident: the evidence of the step that made it worse replaces the earlier one.
            open.Severity = transition.To;
            open.TriggerSignals = evidence;
            open.DecisionReason = transition.Reason;
            open.FallbackActivated |= transition.To == SystemState.Degraded;
        }

        await db.SaveChangesAsync(cancellationToken);
        state.TrackIncident(open.Id);
        return open;
    }

    private void AfterCommit(Transition? transition, IncidentRecord? incident, IReadOnlyList<SignalResult> signals, long predictions)
    {
        stateCache.Invalidate();
        if (transition is null)
        {
            return;
        }

        LogTransition(transition);
        if (transition.From == SystemState.Normal && !transition.IsRecovery)
        {
            metrics.IncidentOpened();
        }

        if (incident is not null && !transition.IsRecovery)
        {
            explanations.Enqueue(new IncidentEvidence(
                incident.Id, incident.Severity, transition.From, transition.To, transition.Reason, incident.FallbackActivated, signals, predictions));
        }
    }

    private void LogTransition(Transition transition)
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

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "State {From} -> {To}: {Reason}")]
    private static partial void LogDeterioration(ILogger logger, SystemState from, SystemState to, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovery: state {From} -> {To}: {Reason}")]
    private static partial void LogRecovery(ILogger logger, SystemState from, SystemState to, string reason);
}
