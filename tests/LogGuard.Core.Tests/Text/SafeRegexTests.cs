using System.Text.RegularExpressions;
using LogGuard.Core.Tests.Rules;
using LogGuard.Core.Detection.Text;

namespace LogGuard.Core.Tests.Text;

/// <summary>The literal search in front of each regex must never change an answer, only skip work.</summary>
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

    [Theory]
    [InlineData("\u212Aernel panic")] // Kelvin sign: the regex folds it to k, an ASCII search does not
    [InlineData("KERNEL PANIC")]
    [InlineData("kErNeL pAnIc in module x")]
    [InlineData("kernel  panic")]
    public void IsMatch_CaseAndNonAsciiVariants_AgreesWithThePlainEngine(string line)
    {
        const string pattern = "\\bkernel panic\\b";
        var plain = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        var safe = SafeRegex.Create(pattern);

        safe.HasPrefilter.Should().BeTrue();
        safe.IsMatch(line).Should().Be(plain.IsMatch(line));
    }

    [Theory]
    [InlineData("LG-AUTH-001", true)]
    [InlineData("LG-KERN-001", true)]
    [InlineData("LG-CMDI-001", false)] // dozens of two-letter command names: searching costs more than it skips
    [InlineData("LG-SQLI-001", false)] // a lone quote is one of its required literals
    public void Create_ShippedRule_SearchesLiteralsOnlyWhereThatPays(string ruleId, bool expected)
    {
        var pattern = ShippedRules.Set.Rules.Single(rule => rule.Definition.Id == ruleId).Definition.Pattern!;
        SafeRegex.Create(pattern).HasPrefilter.Should().Be(expected);
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
