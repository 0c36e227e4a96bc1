using LogGuard.Core.Monitoring.Signals;

namespace LogGuard.Core.Monitoring.StateMachine;

/// <summary>
/// NORMAL → WARNING → DEGRADED and back, decided from run severities alone: deterministic, so a replay of the
/// stored runs gives the same transitions. No single bad run changes anything.
/// </summary>
public static class HealthStateMachine
{
    private static readonly TimeSpan FlapWindow = TimeSpan.FromHours(24);

    /// <summary>The signal that holds the model to its golden-set accuracy.</summary>
    public const string CanarySignal = "canary_accuracy";

    /// <summary>
    /// One monitor run. A model that fails the canary is broken now, not drifting, so that moves to DEGRADED at
    /// once; every other finding goes through the streaks of <see cref="Step"/>.
    /// </summary>
    public static (MonitorMemory Memory, Transition? Transition) StepRun(
        MonitorMemory memory, IReadOnlyList<SignalResult> signals, DateTimeOffset now, MonitoringOptions options)
    {
        if (memory.State != SystemState.Degraded && signals.Any(signal => signal.Name == CanarySignal && signal.Verdict == Severity.Critical))
        {
            return Force(memory, SystemState.Degraded, "the model failed the canary: its accuracy on the golden set fell below the recorded figure", now);
        }

        var firing = signals.Where(signal => signal.Verdict >= Severity.Warning).Select(signal => signal.Name).ToList();
        return Step(memory, SignalEvaluator.RunSeverity(signals), firing, now, options);
    }

    /// <param name="criticalSignals">The names of the signals that were CRITICAL (or WARNING), for the reason text.</param>
    public static (MonitorMemory Memory, Transition? Transition) Step(
        MonitorMemory memory, Severity severity, IReadOnlyList<string> criticalSignals, DateTimeOffset now, MonitoringOptions options)
    {
        if (severity == Severity.InsufficientData)
        {
            return (memory, null);
        }

        var deviating = severity >= Severity.Warning ? memory.DeviatingStreak + 1 : 0;
        var critical = severity == Severity.Critical ? memory.CriticalStreak + 1 : 0;
        var normal = severity == Severity.Normal ? memory.NormalStreak + 1 : 0;
        var entries = memory.FallbackEntries.Where(entry => now - entry < FlapWindow).ToList();
        var next = memory with { DeviatingStreak = deviating, CriticalStreak = critical, NormalStreak = normal, FallbackEntries = entries };
        var signals = criticalSignals.Count == 0 ? "no signal named" : string.Join(", ", criticalSignals);

        if (memory.State != SystemState.Degraded && critical >= options.CriticalAfter)
        {
            entries.Add(now);
            var latched = entries.Count > options.MaxFallbacksPerDay;
            var reason = $"{critical} consecutive CRITICAL runs ({signals}); the rules decide, the model scores in shadow"
                + (latched ? $"; {entries.Count} fallbacks in 24 h exceed {options.MaxFallbacksPerDay}, so DEGRADED is latched until an operator acknowledges" : "");
            return (next with { State = SystemState.Degraded, Since = now, FallbackEntries = entries, Latched = latched, NormalStreak = 0 },
                new Transition(memory.State, SystemState.Degraded, reason, IsRecovery: false));
        }

        if (memory.State == SystemState.Normal && deviating >= options.WarnAfter)
        {
            return (next with { State = SystemState.Warning, Since = now },
                new Transition(memory.State, SystemState.Warning, $"{deviating} consecutive runs at WARNING or worse ({signals})", IsRecovery: false));
        }

        if (memory.State == SystemState.Warning && normal >= options.RecoverAfter)
        {
            return (next with { State = SystemState.Normal, Since = now },
                new Transition(memory.State, SystemState.Normal, $"{normal} consecutive NORMAL runs", IsRecovery: true));
        }

        if (memory.State == SystemState.Degraded && normal >= options.RecoverAfter && !memory.Latched
            && now - memory.Since >= TimeSpan.FromSeconds(options.MinFallbackSeconds))
        {
            return (next with { State = SystemState.Normal, Since = now },
                new Transition(memory.State, SystemState.Normal, $"{normal} consecutive NORMAL runs after {(now - memory.Since).TotalSeconds:0} s in fallback; the model decides again", IsRecovery: true));
        }

        return (next, null);
    }

    /// <summary>An operator's decision: force fallback, or return to NORMAL (which also clears a latch).</summary>
    public static (MonitorMemory Memory, Transition Transition) Force(MonitorMemory memory, SystemState state, string reason, DateTimeOffset now)
    {
        var entries = state == SystemState.Degraded ? [.. memory.FallbackEntries, now] : memory.FallbackEntries;
        var next = memory with
        {
            State = state,
            Since = now,
            DeviatingStreak = 0,
            CriticalStreak = 0,
            NormalStreak = 0,
            FallbackEntries = entries,
            Latched = state == SystemState.Degraded && memory.Latched,
        };
        return (next, new Transition(memory.State, state, "operator: " + reason, IsRecovery: state == SystemState.Normal && memory.State != SystemState.Normal));
    }
}
