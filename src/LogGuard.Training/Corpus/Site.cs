namespace LogGuard.Training.Corpus;

/// <summary>
/// One generated web site: its kind, host and its own vocabulary (section names, things it sells or writes about,
/// parameter names). Two sites of one kind share the kind's shape but hardly any words.
/// </summary>
/// <param name="Words">The site's own words (sections, slugs, products), made up so that no other site shares them.</param>
/// <param name="Keys">Parameter names: the kind's usual ones and a few of the site's own.</param>
public sealed record Site(SiteKind Kind, string Host, IReadOnlyList<string> Words, IReadOnlyList<string> Keys)
{
    public static Site Create(SiteKind kind, SyntheticRandom random)
    {
        // 25 words and slugs of up to three: enough that a site's paths read as its own, few enough that the
        // model's n-gram dictionary (held in memory by the service) does not grow with every made-up slug.
        var words = PseudoWords.List(random, 25);
        var keys = kind.Keys.Concat(PseudoWords.List(random, 6, 1, 2).Select(key => random.Chance(0.5) ? key : key + "_id")).ToArray();
        var host = $"{random.Pick(new[] { "www.", "", "shop.", "app.", "api.", "m." })}{PseudoWords.Next(random, 2, 3)}.{random.Pick(new[] { "com", "es", "de", "fr", "io", "net", "org", "co.uk" })}";
        return new Site(kind, host, words, keys);
    }

    public string Word(SyntheticRandom random) => random.Pick(Words);

    public string Key(SyntheticRandom random) => random.Pick(Keys);

    public string Slug(SyntheticRandom random) => string.Join('-', Enumerable.Range(0, random.Between(1, 3)).Select(_ => Word(random)));

    /// <summary>A query string of the site's parameters with ordinary values, percent-encoded as browsers send them.</summary>
    public string Query(SyntheticRandom random, int minPairs = 1, int maxPairs = 4) =>
        "?" + string.Join('&', Enumerable.Range(0, random.Between(minPairs, maxPairs))
            .Select(_ => $"{Key(random)}={Encode(random, BenignValues.Any(random, Words))}"));

    /// <summary>A request of this site that carries <paramref name="encodedValue"/> in one parameter, as attacks and form values arrive.</summary>
    public string TargetWithValue(SyntheticRandom random, string encodedValue)
    {
        var prefix = random.Chance(0.5) ? $"{Key(random)}={Encode(random, BenignValues.Any(random, Words))}&" : "";
        return $"{Kind.Page(this, random)}?{prefix}{Key(random)}={encodedValue}";
    }

    /// <summary>The page a visitor came from: none, this site, or a search engine or social network.</summary>
    public string Referer(SyntheticRandom random) => random.Next(3) switch
    {
        0 => "-",
        1 => $"https://{Host}/{Slug(random)}",
        _ => random.Pick(new[] { "https://www.google.com/", "https://www.bing.com/", "https://t.co/", "https://duckduckgo.com/", $"https://{Host}/" }),
    };

    /// <summary>How clients encode a value: usually percent-encoding, sometimes '+' for spaces, sometimes raw.</summary>
    public static string Encode(SyntheticRandom random, string value) => random.Next(10) switch
    {
        < 7 => Uri.EscapeDataString(value),
        < 9 => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal),
        _ => value.Replace(" ", "%20", StringComparison.Ordinal).Replace("\"", "%22", StringComparison.Ordinal),
    };
}
