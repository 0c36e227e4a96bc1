namespace LogGuard.Training.Corpus;

/// <summary>A request as a site's access log records it.</summary>
public sealed record WebRequest(string Method, string Target, int Status, string? UserAgent = null);

/// <summary>
/// A kind of web site (blog, shop, REST API, ...): its usual parameter names, the page a form or search is sent
/// to, and the requests its ordinary traffic is made of.
/// </summary>
public sealed class SiteKind(string name, string[] keys, Func<Site, SyntheticRandom, string> page, Func<Site, SyntheticRandom, WebRequest> request)
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Keys { get; } = keys;

    public string Page(Site site, SyntheticRandom random) => page(site, random);

    public WebRequest Request(Site site, SyntheticRandom random) => request(site, random);
}
