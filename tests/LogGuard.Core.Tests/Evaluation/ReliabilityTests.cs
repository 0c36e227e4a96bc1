using LogGuard.Core.Evaluation;

namespace LogGuard.Core.Tests.Evaluation;

public sealed class ReliabilityTests
{
    [Fact]
    public void Of_BinsByProbabilityAndWeighsTheGapsByLines()
    {
        // Bin 0.1–0.2: four lines at 0.15, one suspicious (observed 0.25, gap 0.10).
        // Bin 0.9–1.0: six lines at 0.95 and 1.0, all suspicious (mean 0.9667, gap 0.0333).
        (double, bool)[] lines =
        [
            (0.15, true), (0.15, false), (0.15, false), (0.15, false),
            (0.95, true), (0.95, true), (0.95, true), (0.95, true), (1.0, true), (1.0, true),
        ];

        var reliability = Reliability.Of(lines);

        reliability.Bins.Select(bin => (bin.From, bin.Count)).Should().Equal((0.1, 4), (0.9, 6));
        reliability.Bins[0].Observed.Rate.Should().Be(0.25);
        reliability.Bins[1].MeanProbability.Should().Be(0.9667);
        reliability.ExpectedCalibrationError.Should().Be(Math.Round(((4 * 0.1) + (6 * (1 - (5.8 / 6)))) / 10, 4));
    }
}
