using LogGuard.Core.Detection.Text;

namespace LogGuard.Core.Tests.Text;

public sealed class RequiredLiteralsTests
{
    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("Foo|BAR", "bar|foo")]
    [InlineData("\\bfailed (login|logon)\\b", "failed login|failed logon")]
    [InlineData("(?i)Kernel Panic", "kernel panic")]
    [InlineData("(?:read|write) timed out", "read timed out|write timed out")]
    [InlineData("\\bHTTP/[0-9.]+ 5[0-9]{2}\\b", "http/")]
    [InlineData("a{2}b{0,3}c", "aa")]
    [InlineData("x{0,80}needle.{1,9}", "needle")]
    [InlineData("rate[ _-]?limit", "rate limit|rate-limit|rate_limit|ratelimit")]
    [InlineData("\\x00|%00", "\0|%00")]
    [InlineData("<(?<tag>img|svg)\\b", "<img|<svg")]
    [InlineData("\\{\\{x", "{{x")]
    [InlineData("a{b", "a{b")]
    [InlineData("caf\u00e9 bar", " bar")]
    [InlineData("\u00e9t\u00e9", "t")]
    [InlineData("[^a]bc|d", "bc|d")]
    public void Of_PatternWithLiterals_FindsTheLiteralsEveryMatchContains(string pattern, string expected) =>
        RequiredLiterals.Of(pattern).Should().BeEquivalentTo(expected.Split('|'));

    [Theory]
    [InlineData("x?")]
    [InlineData("abc|")]
    [InlineData("\\d+")]
    [InlineData(".*")]
    [InlineData("[^a]|d")]
    [InlineData("(?=abc)abc")]
    [InlineData("(a)\\1")]
    [InlineData("(?x) a b c")]
    [InlineData("[a-z-[aeiou]]+")]
    public void Of_PatternThatRequiresNothingOrIsNotRead_GivesNull(string pattern) =>
        RequiredLiterals.Of(pattern).Should().BeNull();
}
