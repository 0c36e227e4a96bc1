using LogGuard.Core.Evaluation;

namespace LogGuard.Core.Tests.Evaluation;

public sealed class SliceFinderTests
{
    private readonly SliceFinder _finder = new(new SliceOptions { MinimumSize = 30 });

    [Fact]
    public void Find_SliceThatFailsMuchMoreThanTheRest_IsAHotspot()
    {
        // 400 lines in four sites; "legacy" gets half its 100 lines wrong, the others 2 in 100.
        string[] names = ["shop", "blog", "docs", "legacy"];
        var sites = Enumerable.Range(0, 400).Select(i => names[i % 4]).ToArray();
        var outcomes = sites.Select((site, i) => new ScoredOutcome(true, site == "legacy" ? i % 8 != 3 : i % 200 > 3, 0.5)).ToList();

        var slices = _finder.Find(outcomes, i => [new SliceKey("site", sites[i])]);

        slices.Where(slice => slice.IsHotspot).Select(slice => slice.Key).Should().Equal(new SliceKey("site", "legacy"));
        var legacy = slices[0];
        legacy.Error.Rate.Should().Be(0.5);
        legacy.FalseNegative.Rate.Should().Be(0.5);
        legacy.FalsePositive.Total.Should().Be(0, "the slice holds no normal lines");
    }

    [Fact]
    public void Find_ErrorsSpreadEvenly_FindsNoHotspot()
    {
        // Every seventh line is wrong, whatever its bucket.
        var outcomes = Enumerable.Range(0, 400).Select(i => new ScoredOutcome(i % 3 == 0, (i % 3 == 0) ^ (i % 7 == 0), 0.5)).ToList();

        var slices = _finder.Find(outcomes, i => [new SliceKey("bucket", (i % 4).ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        slices.Should().HaveCount(4).And.OnlyContain(slice => !slice.IsHotspot);
    }

    [Fact]
    public void Find_SliceBelowTheMinimumSize_IsListedButNotTested()
    {
        var outcomes = Enumerable.Range(0, 100).Select(i => new ScoredOutcome(true, i >= 10, 0.5)).ToList();

        var slices = _finder.Find(outcomes, i => [new SliceKey("tiny", i < 10 ? "yes" : "no")]);

        var tiny = slices.Single(slice => slice.Key.Value == "yes");
        tiny.Error.Rate.Should().Be(1);
        tiny.PValue.Should().BeNull();
        tiny.IsHotspot.Should().BeFalse();
    }

    [Fact]
    public void BenjaminiHochberg_MatchesTheStepUpProcedure() =>
        // Sorted p 0.01, 0.02, 0.03, 0.5 → 0.04, 0.04, 0.04, 0.5 (each min over the larger ranks of p·m/rank).
        SliceFinder.BenjaminiHochberg([0.03, 0.5, 0.01, 0.02]).Should().Equal([0.04, 0.5, 0.04, 0.04], (a, b) => Math.Abs(a - b) < 1e-12);
}
