using LogGuard.Core.Monitoring;
using LogGuard.Core.Monitoring.StateMachine;

namespace LogGuard.Core.Tests.Monitoring;

public sealed class SystemStateRecordTests
{
    private static readonly DateTime Start = new(2026, 3, 4, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void EnterWarning_FromNormal_RecordsWhenAndWhy()
    {
        var state = SystemStateRecord.Initial(Start);

        state.EnterWarning("2 consecutive runs at WARNING", Start.AddMinutes(2));

        state.State.Should().Be(SystemState.Warning);
        state.Since.Should().Be(Start.AddMinutes(2));
        state.Reason.Should().Be("2 consecutive runs at WARNING");
    }

    [Fact]
    public void EnterFallbackThenRecover_FromWarning_ReachesNormalAgain()
    {
        var state = SystemStateRecord.Initial(Start);
        state.EnterWarning("drift", Start.AddMinutes(1));

        state.EnterFallback("critical", Start.AddMinutes(2));
        state.Recover("healthy", Start.AddMinutes(20));

        state.State.Should().Be(SystemState.Normal);
        state.Since.Should().Be(Start.AddMinutes(20));
    }

    [Fact]
    public void IllegalMoves_AreRefusedAndChangeNothing()
    {
        var state = SystemStateRecord.Initial(Start);
        state.EnterFallback("critical", Start.AddMinutes(1));

        var toWarning = () => state.EnterWarning("drift", Start.AddMinutes(2));
        var toFallbackAgain = () => state.EnterFallback("again", Start.AddMinutes(2));
        toWarning.Should().Throw<IllegalStateChangeException>().Which.To.Should().Be(SystemState.Warning);
        toFallbackAgain.Should().Throw<IllegalStateChangeException>();

        var normal = SystemStateRecord.Initial(Start);
        var recoverFromNormal = () => normal.Recover("nothing to recover from", Start);
        recoverFromNormal.Should().Throw<IllegalStateChangeException>();

        state.State.Should().Be(SystemState.Degraded);
        state.Since.Should().Be(Start.AddMinutes(1));
        state.Reason.Should().Be("critical");
    }

    [Fact]
    public void Apply_TransitionFromAnotherState_IsRefused()
    {
        var state = SystemStateRecord.Initial(Start);

        var apply = () => state.Apply(new Transition(SystemState.Warning, SystemState.Degraded, "critical", IsRecovery: false), Start);

        apply.Should().Throw<InvalidOperationException>();
        state.State.Should().Be(SystemState.Normal);
    }

    [Fact]
    public void Remember_MemoryOfAnotherState_IsRefused()
    {
        var state = SystemStateRecord.Initial(Start);
        var degradedMemory = MonitorMemory.Initial(Start) with { State = SystemState.Degraded };

        var remember = () => state.Remember(degradedMemory, "{}");

        remember.Should().Throw<InvalidOperationException>();
        state.Memory.Should().BeEmpty();
    }

    [Fact]
    public void CloseWindow_EndBeforeTheLastOne_IsRefused()
    {
        var state = SystemStateRecord.Initial(Start);
        state.CloseWindow(Start.AddMinutes(5));

        var back = () => state.CloseWindow(Start.AddMinutes(4));

        back.Should().Throw<InvalidOperationException>();
        state.LastWindowEnd.Should().Be(Start.AddMinutes(5));
    }
}
