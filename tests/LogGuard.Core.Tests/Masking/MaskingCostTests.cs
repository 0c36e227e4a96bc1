using LogGuard.Core.Detection.Masking;

namespace LogGuard.Core.Tests.Masking;

[Collection(TimingCollection.Name)]
public sealed class MaskingCostTests
{
    // A line full of near-secrets legitimately costs more than a benign one (every match is checked), so masking is
    // held to linearity instead: four times the length may cost about four times as much, never sixteen.
    [Theory]
    [InlineData("a")]
    [InlineData("1.")]
    [InlineData("password=")]
    [InlineData("Authorization: ")]
    [InlineData("-----BEGIN A-----")]
    [InlineData("4111 ")]
    [InlineData("a:")]
    [InlineData("x@")]
    [InlineData("eyJ.")]
    public void Mask_HostileLine_CostGrowsLinearlyWithLength(string unit)
    {
        var longest = Slowdown.Repeat(unit);
        var quarter = Slowdown.Repeat(unit, Slowdown.HostileLineLength / 4);

        var growth = Slowdown.Of(() => SecretMasker.Mask(longest), () => SecretMasker.Mask(quarter));

        growth.Should().BeLessThan(8, "masking the shape {0} must stay linear", unit);
    }
}
