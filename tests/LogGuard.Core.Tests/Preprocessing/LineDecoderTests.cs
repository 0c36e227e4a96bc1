using LogGuard.Core.Detection.Preprocessing;

namespace LogGuard.Core.Tests.Preprocessing;

public sealed class LineDecoderTests
{
    [Theory]
    [InlineData("id=1%27%20OR%201%3D1", "id=1' OR 1=1")]
    [InlineData("id=1%2527%2520OR", "id=1' OR")]
    [InlineData("q=a+b", "q=a b")]
    [InlineData("q=%3Cscript%3E", "q=<script>")]
    [InlineData("q=&lt;script&gt;", "q=<script>")]
    [InlineData("plain line, nothing encoded", "plain line, nothing encoded")]
    [InlineData("q=\uFF1Cｓｃｒｉｐｔ\uFF1E", "q=<script>")]
    [InlineData("file=%c0%ae%c0%ae%c0%afetc%c0%afpasswd", "file=../etc/passwd")]
    [InlineData("file=..%C1%9Cwindows", "file=..\\windows")]
    [InlineData("q=caf%C3%A9 crème", "q=café crème")]
    public void Decode_EncodedLine_ReturnsWhatTheServerWouldSee(string line, string expected) =>
        LineDecoder.Decode(line).Should().Be(expected);

    [Fact]
    public void Decode_InvalidPercentSequence_IsLeftAlone() =>
        LineDecoder.Decode("100% sure %zz").Should().Be("100% sure %zz");
}
