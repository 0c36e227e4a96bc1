namespace LogGuard.Training.Corpus;

/// <summary>
/// The ordinary traffic of many generated sites, so that an access line from a site the model never saw is normal
/// to it. Each site is a split group (a quarter of the sites are held out whole), and each kind of site is a
/// family of the never-seen evaluation.
/// </summary>
public static class SiteTraffic
{
    public const int SitesPerKind = 3;
    public const int LinesPerSite = 700;
    public const string SourcePrefix = "synthetic/site-";

    public static IEnumerable<LabelledLine> Generate(SyntheticRandom random, int seed)
    {
        foreach (var kind in SiteKinds.All)
        {
            for (var s = 0; s < SitesPerKind; s++)
            {
                var site = Site.Create(kind, random);
                var group = "site:" + site.Host;
                var isTest = GroupSplit.IsTest(group, seed);
                for (var i = 0; i < LinesPerSite; i++)
                {
                    var request = kind.Request(site, random);
                    var line = AccessLog.Line(random, request.Method, request.Target, request.Status, request.UserAgent ?? Browser(random), referer: site.Referer(random));
                    yield return new LabelledLine(line, false, SourcePrefix + kind.Name, group, isTest);
                }
            }
        }
    }

    /// <summary>
    /// Sites that only frame parameter values (attacks and the labelled benign values): generated apart from the
    /// sites above, so a site held out of training has not been seen around an attack either.
    /// </summary>
    public static IReadOnlyList<Site> FrameSites(SyntheticRandom random) =>
        [.. SiteKinds.All.SelectMany(kind => Enumerable.Range(0, SitesPerKind).Select(_ => Site.Create(kind, random)))];

    private static string Browser(SyntheticRandom random) => random.Chance(0.85) ? random.Pick(Vocabulary.UserAgents) : "-";
}
