using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LogGuard.Core.Tests.Rules;

/// <summary>
/// No line may make the rules run away. Timing is compared as a ratio with a benign line of the same length,
/// measured in the same run, so the bound holds on a slow machine as on a fast one.
/// </summary>
public sealed class HostileLineTests
{
    private const int LineLength = 8192;

    // A linear engine keeps hostile lines within a small factor of benign ones (measured: at most 1.1x, about 2 ms a line); backtracking
    // on any of these shapes costs thousands of times more.
    private const double MaxSlowdown = 10;

    public static readonly TheoryData<string> HostileShapes =
    [
        "a",
        "' or ",
        "<img ",
        "../",
        "{{",
        "${",
        "1 union ",
        "9",
        "\\b",
        "failed ",
        "%2525",
        "=x&",
    ];

    [Theory]
    [MemberData(nameof(HostileShapes))]
    public void Evaluate_HostileLineOfMaximumLength_CostsAboutAsMuchAsABenignOne(string unit)
    {
        var hostile = Repeat(unit);
        var benign = Repeat("GET /static/app.js 200 ");

        var slowdown = MedianTicks(() => ShippedRules.Evaluate(hostile)) / MedianTicks(() => ShippedRules.Evaluate(benign));

        slowdown.Should().BeLessThan(MaxSlowdown, "the shape {0} must not make matching superlinear", unit);
    }

    [Fact]
    public void MedianTicks_BacktrackingPatternOnItsHostileLine_IsCaughtByTheBound()
    {
        // Proves the measurement can fail: the classic engine backtracks quadratically on this pattern.
        var backtracking = new Regex("(a|b)*x[ab]*y", RegexOptions.None);
        var hostile = Repeat("ab").Substring(0, LineLength / 16);
        var benign = Repeat("cd").Substring(0, LineLength / 16);

        var slowdown = MedianTicks(() => backtracking.IsMatch(hostile)) / MedianTicks(() => backtracking.IsMatch(benign));

        slowdown.Should().BeGreaterThan(MaxSlowdown);
    }

    private static string Repeat(string unit) =>
        string.Concat(Enumerable.Repeat(unit, (LineLength / unit.Length) + 1))[..LineLength];

    private static double MedianTicks(Action action)
    {
        const int Repetitions = 21;
        action(); // the engine builds its automaton states on first use
        var ticks = new long[Repetitions];
        for (var i = 0; i < Repetitions; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            ticks[i] = Math.Max(1, watch.ElapsedTicks);
        }

        Array.Sort(ticks);
        return ticks[Repetitions / 2];
    }
}
