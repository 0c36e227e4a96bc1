using LogGuard.Core.Detection.Preprocessing;
using LogGuard.Training.Corpus;

namespace LogGuard.Training.Tests.Corpus;

public sealed class EvasionsTests
{
    [Fact]
    public void Rewrite_SsrfAddress_UsesAnotherNotationOfTheSameAddress()
    {
        var random = new SyntheticRandom(1);
        var rewrites = Enumerable.Range(0, 40).Select(_ => Evasions.Rewrite(random, "http://127.0.0.1/admin", "payloads/ssrf")).ToHashSet();

        rewrites.Should().Contain(["http://2130706433/admin", "http://0x7f000001/admin", "http://0177.00.00.01/admin", "http://127.1/admin"]);
    }

    [Fact]
    public void Rewrite_ShellCommand_KeepsTheCommandButNotItsSpelling()
    {
        var random = new SyntheticRandom(2);
        var rewrites = Enumerable.Range(0, 60).Select(_ => Evasions.Rewrite(random, "; cat /etc/passwd", "payloads/command_injection")).OfType<string>().ToList();

        rewrites.Should().Contain(";${IFS}cat${IFS}/etc/passwd");
        rewrites.Should().Contain(rewrite => rewrite.StartsWith("; c'at'", StringComparison.Ordinal) || rewrite.StartsWith("; c\\at", StringComparison.Ordinal));
    }

    [Fact]
    public void Rewrite_Traversal_DecodesBackToTheOriginal()
    {
        var random = new SyntheticRandom(4);
        var decodable = Enumerable.Range(0, 60)
            .Select(_ => Evasions.Rewrite(random, "../../etc/passwd", "payloads/path_traversal"))
            .OfType<string>()
            .Where(rewrite => rewrite.Contains("%c0", StringComparison.Ordinal) || rewrite.Any(c => c > '\uFF00'))
            .ToList();

        decodable.Should().NotBeEmpty();
        decodable.Should().OnlyContain(rewrite => LineDecoder.Decode(rewrite) == "../../etc/passwd");
    }

    [Fact]
    public void Rewrite_SqlKeywords_HideInVersionedCommentsOrOtherWhitespace()
    {
        var random = new SyntheticRandom(5);
        var rewrites = Enumerable.Range(0, 60).Select(_ => Evasions.Rewrite(random, "1 union select password from users", "httpparams/sqli")).OfType<string>().ToList();

        rewrites.Should().Contain("1 /*!50000union*/ /*!50000select*/ password /*!50000from*/ users");
        rewrites.Should().Contain("1/**/union/**/select/**/password/**/from/**/users");
    }

    [Fact]
    public void Rewrite_FamilyWithoutEvasions_ReturnsNull() =>
        Evasions.Rewrite(new SyntheticRandom(6), "whatever", "httpparams/benign").Should().BeNull();
}
