using System.Text;
using System.Text.RegularExpressions;
using LogGuard.Core.Detection.Text;
using LogGuard.Core.Detection.Text.Automata;
using LogGuard.Core.Tests.Rules;

namespace LogGuard.Core.Tests.Text;

/// <summary>
/// LogGuard's own automaton must answer exactly as .NET's non-backtracking engine does, for every pattern it
/// accepts: these tests compare the two on generated patterns and lines, and on the shipped rules.
/// </summary>
public sealed class LazyDfaTests
{
    // Characters that stress what the automaton models: both cases, word and non-word ASCII, the line feed
    // ($), a non-ASCII letter and punctuation (\b), the Kelvin sign (folds to k), the zero-width joiner (a word
    // character for \b only) and the long s (which the engine does not fold to s).
    private const string InputAlphabet = "abckAB_ -1.\n\u00e9\u2014\u212A\u200D\u017F{";

    private static readonly string[] Atoms =
    [
        "a", "b", "c", "k", "K", "_", " ", "-", "1", "\\.", "\\n", "\\{",
        "[ab]", "[^a]", "[a-c]", "[^ ]", "[k_]", "[^\\n]", "[-a]", "[]a]", ".", "\\x2D",
        "\\b", "\\B", "^", "$",
    ];

    private static readonly string[] Quantifiers = ["?", "*", "+", "{0,2}", "{1,3}", "{2}", "{2,}", "*?", "??"];

    // Short lines reach every corner of small patterns; long ones make the search for a match's first
    // character skip, stop and give up skipping.
    [Theory]
    [InlineData(20261122, 2_500, 14)]
    [InlineData(20261123, 500, 200)]
    public void IsMatch_GeneratedPatternsAndLines_AgreesWithTheEngine(int seed, int patterns, int maxLineLength)
    {
        var random = new Random(seed);
        var compared = 0;
        for (var patternNumber = 0; patternNumber < patterns; patternNumber++)
        {
            // Some patterns anchored as a whole, which lets the automaton give up once past the start.
            var pattern = random.Next(8) == 0 ? "^(" + RandomPattern(random, depth: 3) + ")" : RandomPattern(random, depth: 3);
            var ignoreCase = random.Next(2) == 0;
            var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : 0);
            var engine = new Regex(pattern, options);
            var automaton = LazyDfa.TryCreate(pattern, ignoreCase);
            automaton.Should().NotBeNull("every generated pattern is in the syntax the automaton reads: {0}", pattern);

            for (var lineNumber = 0; lineNumber < 40; lineNumber++)
            {
                var line = RandomLine(random, maxLineLength);
                automaton!.IsMatch(line).Should().Be(engine.IsMatch(line), "pattern {0} (ignore case: {1}) on \"{2}\"", pattern, ignoreCase, Escape(line));
                compared++;
            }
        }

        compared.Should().Be(patterns * 40);
    }

    [Theory]
    [InlineData("a$", "xa\n", true)] // $ holds before a final line feed
    [InlineData("a$", "xa\n\n", false)]
    [InlineData("a\\n$", "a\n", true)]
    [InlineData("^a", "ba", false)]
    [InlineData("\\bk\\b", "\u212A", true)]
    [InlineData("\\bs\\b", "\u017F", false)]
    [InlineData("x\\b", "x\u200D", false)]
    [InlineData("(a|){0,3}b", "b", true)]
    [InlineData("(a*)*$", "", true)]
    [InlineData("x{2}{", "xx{", true)]
    [InlineData("x{,2}", "x{,2}", true)]
    [InlineData("^(ab|cd)", "xab", false)]
    [InlineData("^(ab|cd)|x", "cdx", true)]
    [InlineData("^ab|^cd", "abab", true)]
    public void IsMatch_Edges_AgreesWithTheEngine(string pattern, string line, bool expected)
    {
        var engine = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        var automaton = LazyDfa.TryCreate(pattern, ignoreCase: true)!;

        engine.IsMatch(line).Should().Be(expected);
        automaton.IsMatch(line).Should().Be(expected);
    }

    [Theory]
    [InlineData("\\d+")]
    [InlineData("\\w")]
    [InlineData("(?i)a")]
    [InlineData("(?=a)")]
    [InlineData("(a)\\1")]
    [InlineData("\u00e9")]
    [InlineData("[\u00e9]")]
    [InlineData("[a-z-[aeiou]]")]
    [InlineData("\\p{L}")]
    public void TryCreate_SyntaxItDoesNotRead_LeavesThePatternToTheEngine(string pattern) =>
        LazyDfa.TryCreate(pattern, ignoreCase: true).Should().BeNull();

    [Fact]
    public void IsMatch_PatternWhoseStatesExplode_StaysBoundedAndCorrect()
    {
        // Telling whether the 13th character from the end is an a takes 2^13 states, past the table's bound.
        const string Pattern = "a[ab]{12}$";
        var engine = new Regex(Pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        var automaton = LazyDfa.TryCreate(Pattern, ignoreCase: false)!;
        var random = new Random(7);

        for (var lineNumber = 0; lineNumber < 3_000; lineNumber++)
        {
            var line = string.Create(random.Next(10, 60), random, (span, r) =>
            {
                for (var index = 0; index < span.Length; index++)
                {
                    span[index] = r.Next(2) == 0 ? 'a' : 'b';
                }
            });
            automaton.IsMatch(line).Should().Be(engine.IsMatch(line), "line {0}", line);
        }

        automaton.StateCount.Should().BeLessThanOrEqualTo(2049);
    }

    [Fact]
    public void IsMatch_ManyThreadsAtOnce_GiveTheSameAnswersAsOne()
    {
        var pattern = ShippedRules.Set.Rules.Single(rule => rule.Definition.Id == "LG-SQLI-001").Definition.Pattern!;
        var engine = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        var random = new Random(11);
        var lines = Enumerable.Range(0, 4_000).Select(_ => RandomSqlishLine(random)).ToArray();
        var expected = lines.Select(line => engine.IsMatch(line)).ToArray();
        var automaton = LazyDfa.TryCreate(pattern, ignoreCase: true)!;

        var answers = new bool[lines.Length];
        Parallel.For(0, lines.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, index => answers[index] = automaton.IsMatch(lines[index]));

        answers.Should().Equal(expected);
    }

    [Fact]
    public void Create_EveryShippedRulePattern_RunsAsPhrasesOrOnTheOwnAutomaton()
    {
        var patterns = ShippedRules.Set.Rules
            .SelectMany(rule => new[] { rule.Definition.Pattern, rule.Definition.Unless })
            .OfType<string>();

        foreach (var pattern in patterns)
        {
            var regex = SafeRegex.Create(pattern);
            (regex.IsPhraseList || regex.RunsOwnAutomaton).Should().BeTrue("pattern {0} should not need the engine's automaton", pattern);
        }
    }

    [Fact]
    public void IsMatch_HostileLineForBoundedRepeats_AnswersWithTheEngine()
    {
        var pattern = ShippedRules.Set.Rules.Single(rule => rule.Definition.Id == "LG-SSTI-001").Definition.Pattern!;
        var engine = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        var automaton = LazyDfa.TryCreate(pattern, ignoreCase: true)!;

        foreach (var line in new[] { string.Concat(Enumerable.Repeat("{{", 4096)), string.Concat(Enumerable.Repeat("${{a", 2048)), "{{" + new string('x', 8000) + "}}" })
        {
            automaton.IsMatch(line).Should().Be(engine.IsMatch(line));
        }
    }

    private static string RandomPattern(Random random, int depth)
    {
        var branches = random.Next(6) == 0 ? 2 : 1;
        var builder = new StringBuilder();
        for (var branch = 0; branch < branches; branch++)
        {
            if (branch > 0)
            {
                builder.Append('|');
            }

            var pieces = random.Next(0, 4);
            for (var piece = 0; piece < pieces; piece++)
            {
                builder.Append(RandomPiece(random, depth));
            }
        }

        return builder.ToString();
    }

    private static string RandomPiece(Random random, int depth)
    {
        var atom = depth > 0 && random.Next(4) == 0
            ? (random.Next(2) == 0 ? "(" : "(?:") + RandomPattern(random, depth - 1) + ")"
            : Atoms[random.Next(Atoms.Length)];

        // The engine refuses some quantified anchors; anchors are tested unquantified.
        var isAnchor = atom is "\\b" or "\\B" or "^" or "$";
        return !isAnchor && random.Next(3) == 0 ? atom + Quantifiers[random.Next(Quantifiers.Length)] : atom;
    }

    private static string RandomLine(Random random, int maxLength) =>
        string.Create(random.Next(0, maxLength + 1), random, (span, r) =>
        {
            for (var index = 0; index < span.Length; index++)
            {
                span[index] = InputAlphabet[r.Next(InputAlphabet.Length)];
            }
        });

    private static string RandomSqlishLine(Random random)
    {
        string[] words = ["' or 1=1", "union select", "sleep(", "'--", " or ", "a", "=", "select", "1", ";drop", "\"", ")", "user", "x"];
        return string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => words[random.Next(words.Length)]));
    }

    private static string Escape(string line) => line.Replace("\n", "\\n", StringComparison.Ordinal);
}
