using LogGuard.Core.Monitoring;
using LogGuard.Core.Monitoring.Signals;
using LogGuard.Core.Monitoring.StateMachine;
using LogGuard.Data;
using LogGuard.Data.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Api.Monitoring;

/// <summary>
/// Recomputes the state sequence from the stored runs alone (their signal verdicts), with the operators'
/// decisions applied where they happened, and compares it with the stored states and transitions.
/// </summary>
public sealed class ReplayService(IDbContextFactory<LogGuardDbContext> contexts, MonitoringOptions options)
{
    public async Task<ReplayReport> ReplayAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await db.WindowMetrics.AsNoTracking().OrderBy(row => row.Id).ToListAsync(cancellationToken);
        var transitions = await db.StateTransitions.AsNoTracking().OrderBy(row => row.Id).ToListAsync(cancellationToken);
        var operators = new Queue<Data.Entities.StateTransitionRecord>(transitions.Where(row => row.Trigger == "operator"));
        var stored = transitions.Where(row => row.Trigger == "monitor").Select(row => (row.FromState, row.ToState, row.WindowMetricsId)).ToList();

        var memory = MonitorMemory.Initial(runs.Count == 0 ? DateTimeOffset.UnixEpoch : new DateTimeOffset(runs[0].WindowStart, TimeSpan.Zero));
        var replayed = new List<(SystemState From, SystemState To, long? RunId)>();
        var mismatches = new List<string>();
        foreach (var run in runs)
        {
            while (operators.Count > 0 && operators.Peek().At <= run.RunAt)
            {
                var decision = operators.Dequeue();
                memory = HealthStateMachine.Force(memory, decision.ToState, decision.Reason, new DateTimeOffset(decision.At, TimeSpan.Zero)).Memory;
            }

            var signals = MonitorJson.ReadSignals(run.Signals);
            var severity = SignalEvaluator.RunSeverity(signals);
            if (SeverityNames.Of(severity) != run.Severity)
            {
                mismatches.Add($"run {run.Id}: stored severity {run.Severity}, signals give {SeverityNames.Of(severity)}");
            }

            var (next, transition) = HealthStateMachine.StepRun(memory, signals, new DateTimeOffset(run.RunAt, TimeSpan.Zero), options);
            if (transition is not null)
            {
                replayed.Add((transition.From, transition.To, run.Id));
            }

            if (next.State != run.StateAfter)
            {
                mismatches.Add($"run {run.Id}: stored state {run.StateAfter.Name()}, replay gives {next.State.Name()}");
            }

            memory = next;
        }

        if (!replayed.SequenceEqual(stored))
        {
            mismatches.Add($"stored transitions [{Describe(stored)}] differ from replayed [{Describe(replayed)}]");
        }

        return new ReplayReport(runs.Count, stored.Count, replayed.Count, mismatches.Count == 0, mismatches);
    }

    private static string Describe(IEnumerable<(SystemState From, SystemState To, long? RunId)> transitions) =>
        string.Join(", ", transitions.Select(t => $"{t.From.Name()}->{t.To.Name()}@run{t.RunId}"));
}

public sealed record ReplayReport(int Runs, int StoredTransitions, int ReplayedTransitions, bool Matches, IReadOnlyList<string> Mismatches);
