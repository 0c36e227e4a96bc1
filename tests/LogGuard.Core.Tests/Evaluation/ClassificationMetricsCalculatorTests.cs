using LogGuard.Core.Evaluation;

namespace LogGuard.Core.Tests.Evaluation;

public sealed class ClassificationMetricsCalculatorTests
{
    // Three suspicious lines scored 0.9, 0.8, 0.4 and four normal ones scored 0.7, 0.3, 0.2, 0.1, flagged from 0.5.
    private static readonly ScoredOutcome[] Outcomes =
    [
        new(true, true, 0.9), new(true, true, 0.8), new(true, false, 0.4),
        new(false, true, 0.7), new(false, false, 0.3), new(false, false, 0.2), new(false, false, 0.1),
    ];

    [Fact]
    public void Compute_MatchesTheFiguresWorkedByHand()
    {
        var metrics = ClassificationMetricsCalculator.Compute(Outcomes);

        metrics.Confusion.Should().Be(new Detection.Model.ConfusionCounts(TruePositive: 2, FalsePositive: 1, TrueNegative: 3, FalseNegative: 1));
        metrics.Precision.Should().Be(0.6667);
        metrics.Recall.Should().Be(0.6667);
        metrics.F1.Should().Be(0.6667);
        metrics.FalsePositiveRate.Should().Be(0.25);
        // 11 of the 12 (suspicious, normal) pairs are ordered correctly: only 0.4 < 0.7 is not.
        metrics.Auc.Should().Be(0.9167);
        metrics.PrAuc.Should().NotBeNull().And.BeInRange(0.8, 1.0);
    }

    [Fact]
    public void Compute_OneClassOnly_LeavesTheAreasUndefined()
    {
        var metrics = ClassificationMetricsCalculator.Compute([new(false, false, 0.1), new(false, true, 0.9)]);

        metrics.FalsePositiveRate.Should().Be(0.5);
        double.IsNaN(metrics.Auc).Should().BeTrue();
        metrics.PrAuc.Should().BeNull();
    }
}
