using System.Diagnostics;

namespace LogGuard.Core.Tests;

/// <summary>
/// How many times longer one action takes than another, both measured in the same run: a bound on the ratio
/// holds on a slow machine as on a fast one, where a bound on milliseconds would not. The two are measured in
/// turns and the fastest run of each is compared: other work on the machine only ever adds time, so the fastest
/// run is the least disturbed one.
/// </summary>
public static class Slowdown
{
    public const int HostileLineLength = 8192;

    private const int WarmUps = 5;
    private const int Repetitions = 31;

    public static double Of(Action measured, Action reference)
    {
        for (var i = 0; i < WarmUps; i++)
        {
            // The regex engine builds its automaton states on first use, and the JIT tiers up hot loops.
            measured();
            reference();
        }

        var measuredTicks = new long[Repetitions];
        var referenceTicks = new long[Repetitions];
        for (var i = 0; i < Repetitions; i++)
        {
            measuredTicks[i] = Ticks(measured);
            referenceTicks[i] = Ticks(reference);
        }

        return (double)measuredTicks.Min() / referenceTicks.Min();
    }

    /// <summary><paramref name="unit"/> repeated to exactly <paramref name="length"/> characters.</summary>
    public static string Repeat(string unit, int length = HostileLineLength) =>
        string.Concat(Enumerable.Repeat(unit, (length / unit.Length) + 1))[..length];

    private static long Ticks(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return Math.Max(1, watch.ElapsedTicks);
    }
}

/// <summary>Timing tests run alone, so that other tests do not take their cores in the middle of a measurement.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
