using System.Text;

namespace LogGuard.Training.Corpus;

/// <summary>Writes web access-log lines (combined format, optionally with nginx's request time) as real servers do.</summary>
public static class AccessLog
{
    public static string Line(SyntheticRandom random, string method, string target, int status, string? userAgent = null, string? requestTime = null, string? referer = null)
    {
        var size = status is 304 or 204 || method == "HEAD" ? 0 : random.Between(120, 250_000);
        referer ??= random.Chance(0.5) ? "-" : $"https://www.example-shop.com/{random.Pick(Vocabulary.Sections)}";
        var line = $"{random.Ip()} - {(random.Chance(0.1) ? random.Pick(Vocabulary.Users) : "-")} [{random.ApacheTime()}] \"{method} {target} HTTP/{(random.Chance(0.7) ? "1.1" : "2.0")}\" {status} {size} \"{referer}\" \"{userAgent ?? random.Pick(Vocabulary.UserAgents)}\"";
        return requestTime is null ? line : $"{line} rt={requestTime}";
    }

    /// <summary>A page or API path with a realistic query string.</summary>
    public static string BenignTarget(SyntheticRandom random)
    {
        switch (random.Next(6))
        {
            case 0:
                return string.Format(System.Globalization.CultureInfo.InvariantCulture, random.Pick(Vocabulary.StaticAssets), random.Hex(8), random.Between(1, 99999), random.Pick(new[] { "400", "600", "700" }));
            case 1:
                return $"/api/v{random.Between(1, 3)}/{random.Pick(Vocabulary.Sections)}/{random.Between(1, 999999)}";
            case 2:
                return $"/{random.Pick(Vocabulary.Sections)}/{random.Word()}-{random.Word()}-{random.Between(1, 9999)}";
            default:
                var query = new StringBuilder();
                var pairs = random.Between(1, 4);
                for (var i = 0; i < pairs; i++)
                {
                    query.Append(i == 0 ? '?' : '&').Append(random.Pick(Vocabulary.QueryKeys)).Append('=').Append(BenignValue(random));
                }

                return $"/{random.Pick(Vocabulary.Sections)}{(random.Chance(0.5) ? "/" + random.Word() : "")}{query}";
        }
    }

    public static string BenignValue(SyntheticRandom random) => random.Next(8) switch
    {
        // URLs and file names are ordinary values too (redirects, downloads, templates); without them the model
        // learns that a URL or a path in a query is SSRF or file inclusion.
        6 => random.Pick(new[]
        {
            $"https://www.{random.Word()}.example/{random.Pick(Vocabulary.Sections)}/{random.Word()}",
            $"/{random.Pick(Vocabulary.Sections)}/{random.Word()}?ref={random.Word()}",
            $"https://cdn.{random.Word()}.example/img/{random.Hex(8)}.png",
        }),
        7 => random.Pick(new[]
        {
            $"{random.Word()}-{random.Between(2019, 2026)}.pdf",
            $"{random.Pick(Vocabulary.Sections)}/{random.Word()}.html",
            $"templates/{random.Word()}.{random.Pick(new[] { "html", "txt", "md" })}",
            $"reports/{random.Word()}_{random.Between(1, 12)}.csv",
        }),
        // Apostrophes in names and searches are ordinary; only quote plus SQL syntax is an injection.
        5 => Uri.EscapeDataString(random.Pick(ApostrophePhrases)),
        0 => random.Between(1, 500).ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => Uri.EscapeDataString($"{random.Word()} {random.Word()}"),
        2 => random.Hex(random.Pick(new[] { 8, 12, 32 })),
        3 => random.Pick(new[] { "asc", "desc", "en", "es", "de", "true", "false", "json", "grid", "EUR", "USD" }),
        _ => random.Word(),
    };

    private static readonly string[] ApostrophePhrases =
    [
        "men's shoes", "women's jacket", "children's books", "o'brien", "d'angelo", "mother's day", "don't starve",
        "rock 'n' roll", "l'oreal", "it's complicated", "o'reilly media", "macy's", "valentine's gifts", "people's choice",
    ];

    /// <summary>Puts a parameter value into a request of <paramref name="site"/> the way a client sends it: usually percent-encoded.</summary>
    public static string TargetWithValue(SyntheticRandom random, string value, Site site)
    {
        var encoded = random.Next(10) switch
        {
            < 6 => Uri.EscapeDataString(value),
            < 8 => value.Replace(" ", "+", StringComparison.Ordinal).Replace("\"", "\\x22", StringComparison.Ordinal),
            < 9 => Uri.EscapeDataString(Uri.EscapeDataString(value)),
            _ => value.Replace(" ", "%20", StringComparison.Ordinal).Replace("\"", "%22", StringComparison.Ordinal),
        };

        return site.TargetWithValue(random, encoded);
    }
}
