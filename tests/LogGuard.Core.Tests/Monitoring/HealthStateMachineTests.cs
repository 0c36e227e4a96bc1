using LogGuard.Core.Monitoring;
using LogGuard.Core.Monitoring.Signals;
using LogGuard.Core.Monitoring.StateMachine;

namespace LogGuard.Core.Tests.Monitoring;

public sealed class HealthStateMachineTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly MonitoringOptions Options = new() { WarnAfter = 2, CriticalAfter = 3, RecoverAfter = 3, MinFallbackSeconds = 600, MaxFallbacksPerDay = 3 };

    /// <summary>Runs a sequence (N = NORMAL, W = WARNING, C = CRITICAL, I = insufficient data), one a minute, and returns the state after each.</summary>
    private static (string States, List<Transition> Transitions, MonitorMemory Memory) Run(string runs, MonitorMemory? memory = null, TimeSpan? every = null)
    {
        memory ??= MonitorMemory.Initial(Start);
        var transitions = new List<Transition>();
        var states = new List<char>();
        var now = Start;
        foreach (var run in runs)
        {
            now += every ?? TimeSpan.FromMinutes(1);
            var severity = run switch { 'W' => Severity.Warning, 'C' => Severity.Critical, 'I' => Severity.InsufficientData, _ => Severity.Normal };
            var (next, transition) = HealthStateMachine.Step(memory, severity, ["positive_rate"], now, Options);
            memory = next;
            if (transition is not null)
            {
                transitions.Add(transition);
            }

            states.Add(memory.State.Name()[0]);
        }

        return (new string([.. states]), transitions, memory);
    }

    // Run sequence -> the state after each run (N NORMAL, W WARNING, D DEGRADED).
    [Theory]
    [InlineData("NNNNN", "NNNNN")] // healthy
    [InlineData("WNWNWN", "NNNNNN")] // alternating: never two deviating runs in a row
    [InlineData("C", "N")] // a single bad run changes nothing
    [InlineData("CN", "NN")]
    [InlineData("WW", "NW")] // two deviating runs: WARNING
    [InlineData("WWNNN", "NWWWN")] // WARNING recovers after three NORMAL runs
    [InlineData("WWNNWN", "NWWWWW")] // a deviating run resets the recovery streak
    [InlineData("CCC", "NWD")] // CRITICAL counts as deviating, then three in a row: DEGRADED
    [InlineData("CCW", "NWW")] // the critical streak breaks
    [InlineData("CICIC", "NNWWD")] // insufficient data holds every counter
    [InlineData("IIIII", "NNNNN")]
    public void Step_RunSequence_GivesTheDocumentedStates(string runs, string expected) =>
        Run(runs).States.Should().Be(expected);

    [Fact]
    public void Degraded_RecoversOnlyAfterMinimumTimeInFallback()
    {
        // One run a minute: three NORMAL runs come after 3 minutes, but fallback lasts at least 10.
        var (states, transitions, _) = Run("CCCNNNNNNNNNNNN");

        states.Should().Be("NWDDDDDDDDDDNNN"); // DEGRADED at minute 3, back at minute 13
        transitions.Should().HaveCount(3);
        transitions[^1].Should().BeEquivalentTo(new { From = SystemState.Degraded, To = SystemState.Normal, IsRecovery = true });
    }

    [Fact]
    public void Degraded_TooManyFallbacksInADay_Latches()
    {
        // Four entries into DEGRADED within 24 hours with MaxFallbacksPerDay = 3.
        var cycle = "CCC" + new string('N', 11);
        var (_, transitions, memory) = Run(cycle + cycle + cycle + "CCC" + new string('N', 30));

        memory.State.Should().Be(SystemState.Degraded);
        memory.Latched.Should().BeTrue();
        transitions.Last().Reason.Should().Contain("latched");
    }

    [Fact]
    public void Force_ReturnToNormal_ClearsTheLatch()
    {
        var latched = MonitorMemory.Initial(Start) with { State = SystemState.Degraded, Latched = true };

        var (memory, transition) = HealthStateMachine.Force(latched, SystemState.Normal, "model retrained", Start);

        memory.Should().BeEquivalentTo(new { State = SystemState.Normal, Latched = false, NormalStreak = 0 });
        transition.Should().BeEquivalentTo(new { From = SystemState.Degraded, To = SystemState.Normal, IsRecovery = true });
        transition.Reason.Should().Contain("model retrained");
    }

    [Fact]
    public void Step_Transition_NamesTheSignalsAndCounts()
    {
        var transition = Run("CCC").Transitions.Last();

        transition.Reason.Should().Contain("3 consecutive CRITICAL runs").And.Contain("positive_rate");
    }

    [Fact]
    public void Step_SameInputs_SameOutputs()
    {
        Run("WWCCCNNNNNNNNNNNNNWN").Should().BeEquivalentTo(Run("WWCCCNNNNNNNNNNNNNWN"));
    }
}
