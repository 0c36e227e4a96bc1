using LogGuard.Core.Detection.Preprocessing;

namespace LogGuard.Core.Tests.Preprocessing;

public sealed class ModelTextTests
{
    [Fact]
    public void FromDecoded_VaryingIdentifiers_CollapseToPlaceholders()
    {
        var a = ModelText.FromDecoded("Failed password for root from 10.1.2.3 port 51234 ssh2 session 0x7f3a9c2e");
        var b = ModelText.FromDecoded("Failed password for root from 192.168.77.8 port 22 ssh2 session 0x0000ffff");

        a.Should().Be(b);
        a.Should().Contain("<ip>").And.Contain("<hex>");
    }

    [Fact]
    public void FromDecoded_AttackSyntax_BecomesTokens() =>
        ModelText.FromDecoded("id=1' OR 1=1--").Should().Be("id = 0 ' or 0 = 0--");

    [Fact]
    public void FromDecoded_VeryLongLine_IsCut() =>
        ModelText.FromDecoded(new string('a', 10_000)).Length.Should().BeLessThanOrEqualTo(ModelText.MaxModelChars);

    [Theory]
    [InlineData("  a\t\t b  ", "a b")]
    [InlineData("(x)", "( x )")]
    [InlineData("\r\n", "")]
    [InlineData("0x1", "<hex>")]
    [InlineData("from 10.1.2.3.", "from <ip> .")]
    public void FromDecoded_Spacing_IsCollapsedAndTrimmed(string line, string expected) =>
        ModelText.FromDecoded(line).Should().Be(expected);

    [Fact]
    public void EnumerateTokens_GivesTheSameWordsAsTokens()
    {
        var words = new List<string>();
        foreach (var token in ModelText.EnumerateTokens(" user = bob ' (  ) ok <ip> "))
        {
            words.Add(token.ToString());
        }

        words.Should().Equal("user", "bob", "ok", "<ip>");
    }

    [Fact]
    public void Tokens_SkipPunctuationOnlyTokens() =>
        ModelText.Tokens("user = bob ' ( ) ok").Should().Equal("user", "bob", "ok");
}
