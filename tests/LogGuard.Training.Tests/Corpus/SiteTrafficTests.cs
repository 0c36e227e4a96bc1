using LogGuard.Core.Detection.Preprocessing;
using LogGuard.Training.Corpus;

namespace LogGuard.Training.Tests.Corpus;

public sealed class SiteTrafficTests
{
    private static readonly List<LabelledLine> Lines = [.. SiteTraffic.Generate(new SyntheticRandom(7), seed: 7)];

    [Fact]
    public void Generate_EveryKindOfSite_IsAFamilyOfBenignAccessLines()
    {
        Lines.Select(line => line.Family).Distinct()
            .Should().BeEquivalentTo(SiteKinds.All.Select(kind => SiteTraffic.SourcePrefix + kind.Name));
        Lines.Should().OnlyContain(line => !line.Suspicious);
        Lines.Should().OnlyContain(line => AccessRequest.ForModel(line.Text) != null, "the model must read them as access lines");
    }

    [Fact]
    public void Generate_SplitsBySite_SoHeldOutSitesAreWhollyUnseen()
    {
        var sites = Lines.GroupBy(line => line.Group).ToList();
        sites.Should().HaveCount(SiteKinds.All.Count * SiteTraffic.SitesPerKind);
        sites.Should().OnlyContain(site => site.Select(line => line.IsTest).Distinct().Count() == 1);
        sites.Should().Contain(site => site.First().IsTest).And.Contain(site => !site.First().IsTest);
    }

    [Fact]
    public void Generate_SameSeed_SameLines() =>
        SiteTraffic.Generate(new SyntheticRandom(7), seed: 7).Select(line => line.Text)
            .Should().Equal(Lines.Select(line => line.Text));

    [Fact]
    public void Sites_OfOneKind_ShareHardlyAnyWords()
    {
        var random = new SyntheticRandom(3);
        var first = Site.Create(SiteKinds.All[0], random);
        var second = Site.Create(SiteKinds.All[0], random);

        first.Words.Intersect(second.Words).Count().Should().BeLessThan(first.Words.Count / 10);
    }
}
