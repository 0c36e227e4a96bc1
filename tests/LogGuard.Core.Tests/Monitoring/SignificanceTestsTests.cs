using LogGuard.Core.Monitoring.Statistics;

namespace LogGuard.Core.Tests.Monitoring;

public sealed class SignificanceTestsTests
{
    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1.959964, 0.975)]
    [InlineData(-1.644854, 0.05)]
    [InlineData(3, 0.998650)]
    public void NormalCdf_KnownPoints(double z, double expected) => SignificanceTests.NormalCdf(z).Should().BeApproximately(expected, 1e-5);

    [Fact]
    public void TwoProportionZ_KnownExample()
    {
        // 45/100 against 30/100: pooled p = 0.375, z = 0.15 / sqrt(0.375·0.625·0.02) = 2.1909.
        var result = SignificanceTests.TwoProportionZ(45, 100, 30, 100);

        result.Statistic.Should().BeApproximately(2.1909, 1e-3);
        result.PValue.Should().BeApproximately(0.02846, 1e-3);
    }

    [Fact]
    public void FisherExact_TeaTastingTable()
    {
        // R: fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value = 0.4857
        SignificanceTests.FisherExact(3, 1, 1, 3).PValue.Should().BeApproximately(0.485714, 1e-5);
    }

    [Fact]
    public void FisherExact_SkewedTable()
    {
        // R: fisher.test(matrix(c(1, 11, 9, 3), 2))$p.value = 0.002759
        SignificanceTests.FisherExact(1, 9, 11, 3).PValue.Should().BeApproximately(0.002759, 1e-5);
    }

    [Theory]
    [InlineData(3, 10, 0.5, 0.34375)]
    [InlineData(0, 20, 0.1, 0.25453)] // P(0) = 0.12158 plus every outcome no likelier: P(X >= 4) = 0.13295
    [InlineData(10, 10, 0.5, 0.001953)]
    public void Binomial_KnownValues(long k, long n, double p0, double expected) =>
        SignificanceTests.Binomial(k, n, p0).PValue.Should().BeApproximately(expected, 1e-3);

    [Fact]
    public void MeanZ_KnownValue()
    {
        var result = SignificanceTests.MeanZ(0.85, 100, 0.9, 0.2);

        result.Statistic.Should().BeApproximately(-2.5, 1e-9);
        result.PValue.Should().BeApproximately(0.01242, 1e-4);
    }

    [Fact]
    public void KolmogorovSmirnov_IdenticalAndShiftedHistograms()
    {
        SignificanceTests.KolmogorovSmirnov([10, 20, 30, 40], [10, 20, 30, 40]).Statistic.Should().Be(0);

        var shifted = SignificanceTests.KolmogorovSmirnov([100, 0, 0, 0], [0, 0, 0, 100]);
        shifted.Statistic.Should().BeApproximately(1, 1e-9);
        shifted.PValue.Should().BeLessThan(1e-6);
    }

    [Fact]
    public void JensenShannonDistance_Bounds()
    {
        SignificanceTests.JensenShannonDistance([0.5, 0.5], [0.5, 0.5]).Should().BeApproximately(0, 1e-12);
        SignificanceTests.JensenShannonDistance([1, 0], [0, 1]).Should().BeApproximately(1, 1e-12);
        SignificanceTests.JensenShannonDistance([0.9, 0.1], [0.1, 0.9]).Should().BeInRange(0.5, 0.8);
    }
}
