using LogGuard.Core.Detection.Text;

namespace LogGuard.Core.Tests.Text;

public sealed class PhrasePatternParserTests
{
    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("Foo|BAR", "foo|bar")]
    [InlineData("\\bfailed (login|logon)\\b", "^failed login^|^failed logon^")]
    [InlineData("rate[ _-]?limit(ed|ing)", "rate limited|rate limiting|rate_limited|rate_limiting|rate-limited|rate-limiting|ratelimited|ratelimiting")]
    [InlineData("stack ?overflow(error)?", "stack overflowerror|stack overflow|stackoverflowerror|stackoverflow")]
    [InlineData("a(b)??c", "ac|abc")]
    [InlineData("\\b40[13]\\b", "^401^|^403^")]
    [InlineData("user (?<what>is )?denied\\b", "user is denied^|user denied^")]
    [InlineData("\\bOops:|\\bpanic:", "^oops:|^panic:")]
    [InlineData("x\\.y\\(z\\)", "x.y(z)")]
    [InlineData("[]a]", "]|a")]
    [InlineData("\\bEXT[234]-fs error\\b", "^ext2-fs error^|^ext3-fs error^|^ext4-fs error^")]
    public void TryParse_PhraseList_GivesEveryPhraseInTheEnginesOrder(string pattern, string expected)
    {
        var phrases = PhrasePatternParser.TryParse(pattern, ignoreCase: true);

        phrases.Should().NotBeNull();
        phrases!.Select(Render).Should().Equal(expected.Split('|'));
    }

    [Fact]
    public void TryParse_CaseSensitive_KeepsTheCase() =>
        PhrasePatternParser.TryParse("GET|Post", ignoreCase: false)!.Select(phrase => phrase.Text).Should().Equal("GET", "Post");

    [Fact]
    public void TryParse_DuplicatePhrases_KeepsTheFirst() =>
        PhrasePatternParser.TryParse("[Ss]ql|SQL", ignoreCase: true)!.Select(phrase => phrase.Text).Should().Equal("sql");

    [Theory]
    [InlineData("a.b")] // any character
    [InlineData("a+")]
    [InlineData("ab*")]
    [InlineData("a{2}")]
    [InlineData("\\d")]
    [InlineData("\\w")]
    [InlineData("\\x41")] // escapes with letters are classes or codes: left to the engine
    [InlineData("^abc")]
    [InlineData("abc$")]
    [InlineData("[^a]bc")]
    [InlineData("[a-z]x")] // too many characters to list
    [InlineData("(?=a)a")]
    [InlineData("(?i)abc")]
    [InlineData("caf\u00e9")] // non-ASCII: the engine's case pairs are not read
    [InlineData("abc|")] // an empty alternative matches everywhere
    [InlineData("(a|b)?")]
    [InlineData("\\b?a")]
    [InlineData("(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)")] // over the phrase limit
    public void TryParse_AnythingMore_GivesNull(string pattern) =>
        PhrasePatternParser.TryParse(pattern, ignoreCase: true).Should().BeNull();

    // "^" marks each place a word boundary is required.
    private static string Render(Phrase phrase)
    {
        var text = phrase.Text;
        foreach (var offset in phrase.Boundaries.OrderDescending())
        {
            text = text.Insert(offset, "^");
        }

        return text;
    }
}
