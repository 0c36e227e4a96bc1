using System.Text.RegularExpressions;

namespace LogGuard.Core.Tests.Rules;

/// <summary>No line may make the rules run away: a hostile line of the longest allowed length costs about what a benign one does.</summary>
[Collection(TimingCollection.Name)]
public sealed class HostileLineTests
{
    // A linear engine keeps hostile lines within a small factor of benign ones (measured: at most 1.1x, about
    // 2 ms for the whole rule set on an 8,192-character line); backtracking on any of these shapes costs
    // thousands of times more.
    public const double MaxSlowdown = 10;

    public static readonly TheoryData<string> HostileShapes =
    [
        "a", "' or ", "<img ", "../", "{{", "${", "1 union ", "9", "\\b", "failed ", "%2525", "=x&",
    ];

    [Theory]
    [MemberData(nameof(HostileShapes))]
    public void Evaluate_HostileLineOfMaximumLength_CostsAboutAsMuchAsABenignOne(string unit)
    {
        var hostile = Slowdown.Repeat(unit);
        var benign = Slowdown.Repeat("GET /static/app.js 200 ");

        var slowdown = Slowdown.Of(() => ShippedRules.Evaluate(hostile), () => ShippedRules.Evaluate(benign));

        slowdown.Should().BeLessThan(MaxSlowdown, "the shape {0} must not make matching superlinear", unit);
    }

    [Fact]
    public void Slowdown_BacktrackingPatternOnItsHostileLine_IsCaughtByTheBound()
    {
        // Proves the measurement can fail: the classic engine backtracks quadratically on this pattern.
        var backtracking = new Regex("(a|b)*x[ab]*y", RegexOptions.None);
        var hostile = Slowdown.Repeat("ab", 512);
        var benign = Slowdown.Repeat("cd", 512);

        Slowdown.Of(() => backtracking.IsMatch(hostile), () => backtracking.IsMatch(benign)).Should().BeGreaterThan(MaxSlowdown);
    }
}
