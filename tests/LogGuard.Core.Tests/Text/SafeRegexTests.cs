using System.Text.RegularExpressions;
using LogGuard.Core.Tests.Rules;
using LogGuard.Core.Detection.Text;

namespace LogGuard.Core.Tests.Text;

/// <summary>
/// The shortcuts (a literal search in front of a regex, phrase lists answered without one) must never change
/// an answer, only skip work.
/// </summary>
public sealed class SafeRegexTests
{
    private static readonly string[] Patterns =
    [
        .. ShippedRules.Set.Rules.SelectMany(rule => new[] { rule.Definition.Pattern, rule.Definition.Unless }).OfType<string>(),
    ];

    [Fact]
    public void IsMatch_EveryShippedPatternOnRealLogsAndAttacks_AgreesWithThePlainEngine()
    {
        var lines = RealAndHostileLines().ToList();
        lines.Should().HaveCountGreaterThan(20_000);

        foreach (var pattern in Patterns)
        {
            var plain = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
            var safe = SafeRegex.Create(pattern);
            foreach (var line in lines)
            {
                safe.IsMatch(line).Should().Be(plain.IsMatch(line), "pattern {0} on line {1}", pattern, line);
            }
        }
    }

    [Fact]
    public void Count_EveryShippedPatternOnRealLogsAndAttacks_AgreesWithThePlainEngine()
    {
        foreach (var pattern in Patterns)
        {
            var plain = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
            var safe = SafeRegex.Create(pattern);
            foreach (var line in RealAndHostileLines())
            {
                safe.Count(line).Should().Be(plain.Count(line), "pattern {0} on line {1}", pattern, line);
            }
        }
    }

    [Theory]
    [InlineData("\\bkernel panic\\b", "\u212Aernel panic")] // Kelvin sign: the engine folds it to k, ordinal comparison does not
    [InlineData("\\bkernel panic\\b", "KERNEL PANIC")]
    [InlineData("\\bkernel panic\\b", "kErNeL pAnIc in module x")]
    [InlineData("\\bkernel panic\\b", "kernel  panic")]
    [InlineData("\\bkernel panic\\b", "\u00e9kernel panic")] // a non-ASCII letter before: no boundary
    [InlineData("\\bkernel panic\\b", "kernel panic\u200D")] // the zero-width joiner counts as part of a word
    [InlineData("\\bkernel panic\\b", "kernel panic\u2014next")]
    [InlineData("\\bfalse\\b", "FAL\u017FE")] // long s: ordinal comparison folds it to S, the engine does not
    [InlineData("\\bfile\\b", "F\u0131LE")] // dotless i: ordinal comparison folds it to I, the engine does not
    [InlineData("\\bfile\\b", "F\u0130LE")]
    [InlineData("\\bfoo\\b|\\bfoobar", "foobar")]
    [InlineData("\\b40[13]\\b", "401401 401-403,401")]
    [InlineData("bcd|abcdef", "xabcdefx abcd")] // the later text starts further left
    [InlineData("aa|a", "aaaaa")]
    [InlineData("a|aa", "aaaaa")]
    [InlineData("\\(x\\)|x", "(x) x (x")]
    public void IsMatchAndCount_CaseBoundaryAndOverlapEdges_AgreeWithThePlainEngine(string pattern, string line)
    {
        var plain = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        var safe = SafeRegex.Create(pattern);

        safe.IsPhraseList.Should().BeTrue();
        safe.IsMatch(line).Should().Be(plain.IsMatch(line));
        safe.Count(line).Should().Be(plain.Count(line));
    }

    [Fact]
    public void Matches_PhraseList_StillGivesTheEnginesMatches()
    {
        var safe = SafeRegex.Create("\\bfailed (login|logon)\\b");

        safe.IsPhraseList.Should().BeTrue();
        safe.Matches("Failed login, then failed logon").Select(match => match.Value).Should().Equal("Failed login", "failed logon");
    }

    [Theory]
    [InlineData("LG-AUTH-001", "phrases")]
    [InlineData("LG-SCAN-001", "automaton")] // eighty names: one pass costs less than eighty searches
    [InlineData("LG-HTTP-003", "phrases")]
    [InlineData("LG-KERN-001", "prefilter")]
    [InlineData("LG-CMDI-001", "automaton")] // dozens of two-letter command names: searching costs more than it skips
    [InlineData("LG-SQLI-001", "automaton")] // a lone quote is one of its required literals
    public void Create_ShippedRule_TakesTheCheapestExactRoute(string ruleId, string expected)
    {
        var pattern = ShippedRules.Set.Rules.Single(rule => rule.Definition.Id == ruleId).Definition.Pattern!;
        var regex = SafeRegex.Create(pattern);

        var route = regex.IsPhraseList ? "phrases" : regex.HasPrefilter ? "prefilter" : "automaton";
        route.Should().Be(expected);
    }

    [Fact]
    public void Count_LineWithoutTheLiterals_IsZeroAndWithThemCountsMatches()
    {
        var regex = SafeRegex.Create("\\b40[13]\\b");

        regex.Count("GET / 200 OK").Should().Be(0);
        regex.Count("401 then 403 then 401").Should().Be(3);
    }

    // Every loghub sample line, and every payload (attacks and benign values) in the access-log shape clients send.
    private static IEnumerable<string> RealAndHostileLines()
    {
        var data = Path.Combine(RepositoryPaths.Root, "data");
        foreach (var log in Directory.EnumerateFiles(Path.Combine(data, "loghub"), "*.log", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(log))
            {
                yield return line;
                yield return LineDecoder.Decode(line);
            }
        }

        // The whole CSV row stands in for the payload: quoting and extra fields only add hostile text.
        foreach (var row in File.ReadLines(Path.Combine(data, "httpparams", "payload_train.csv")).Skip(1))
        {
            var line = $"10.0.0.5 - - [04/Mar/2026:10:01:02 +0000] \"GET /search?q={Uri.EscapeDataString(row)} HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"";
            yield return line;
            yield return LineDecoder.Decode(line);
        }
    }
}
