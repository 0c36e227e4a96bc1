using LogGuard.Core.Detection.Preprocessing;

namespace LogGuard.Core.Tests.Preprocessing;

public sealed class LineShapeDetectorTests
{
    [Theory]
    [InlineData("10.0.0.1 - - [04/Mar/2026:10:01:02 +0000] \"GET /x HTTP/1.1\" 200 12 \"-\" \"curl/8.5.0\"", LogFormat.WebAccess, null)]
    [InlineData("Dec 10 06:55:46 LabSZ sshd[24200]: Failed password for root", LogFormat.Syslog, null)]
    [InlineData("{\"ts\":\"2026-03-04T10:01:02Z\",\"level\":\"warn\",\"msg\":\"x\"}", LogFormat.Json, "WARN")]
    [InlineData("ts=2026-03-04 level=error msg=boom component=api", LogFormat.KeyValue, "ERROR")]
    [InlineData("2026-03-04 10:01:02,123 FATAL [main] c.e.App - cannot start", LogFormat.Other, "FATAL")]
    [InlineData("[Sun Dec 04 04:47:44 2005] [error] mod_jk child in error state 6", LogFormat.Other, "ERROR")]
    [InlineData("no error found during checks", LogFormat.Other, null)]
    public void Detect_KnownShapes_AreRecognised(string line, LogFormat format, string? level)
    {
        var shape = LineShapeDetector.Detect(line);

        shape.Format.Should().Be(format);
        shape.Level.Should().Be(level);
    }
}
