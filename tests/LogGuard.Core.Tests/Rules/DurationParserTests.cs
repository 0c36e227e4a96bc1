using LogGuard.Core.Detection.Rules;

namespace LogGuard.Core.Tests.Rules;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("request took 1.2s", 1200)]
    [InlineData("duration=1500ms", 1500)]
    [InlineData("\"GET / HTTP/1.1\" 200 1 rt=2.3", 2300)]
    [InlineData("{\"elapsed_ms\": 40}", 40)]
    [InlineData("latency: 250 us", 0.25)]
    [InlineData("query_time=0.5 then took 3s", 3000)]
    [InlineData("finished in 2 minutes", 120000)]
    public void LongestMilliseconds_ReportedDuration_IsParsed(string line, double expected) =>
        DurationParser.LongestMilliseconds(line).Should().BeApproximately(expected, 1e-6);

    [Theory]
    [InlineData("retried in 3 attempts")]
    [InlineData("order 1500 shipped")]
    public void LongestMilliseconds_NoDuration_ReturnsNull(string line) =>
        DurationParser.LongestMilliseconds(line).Should().BeNull();
}
