using LogGuard.Core.Evaluation;

namespace LogGuard.Core.Tests.Evaluation;

public sealed class ProportionTests
{
    [Fact]
    public void Of_EightOfTen_IsTheWilsonInterval()
    {
        // Wilson 95%: centre (0.8 + 1.96²/20) / (1 + 1.96²/10), half-width 1.96·√(0.016 + 1.96²/400) / (1 + 1.96²/10).
        var rate = Proportion.Of(8, 10);

        rate.Rate.Should().Be(0.8);
        rate.Low.Should().BeApproximately(0.4902, 0.0001);
        rate.High.Should().BeApproximately(0.9433, 0.0001);
    }

    [Fact]
    public void Of_NoneOfMany_HasAnUpperBoundAboveZero()
    {
        var rate = Proportion.Of(0, 100);

        rate.Low.Should().Be(0);
        rate.High.Should().BeApproximately(0.0370, 0.0001, "a clean sample does not prove a zero rate");
    }

    [Fact]
    public void Of_NothingCounted_SpansEverything() =>
        Proportion.Of(0, 0).Should().Be(new Proportion(0, 0, 0, 0, 1));
}
