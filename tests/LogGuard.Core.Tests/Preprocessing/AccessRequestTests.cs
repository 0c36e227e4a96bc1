using LogGuard.Core.Detection.Preprocessing;

namespace LogGuard.Core.Tests.Preprocessing;

public sealed class AccessRequestTests
{
    [Fact]
    public void ForModel_CombinedLine_KeepsTheRequestAndDropsTheSiteAndTheMoment()
    {
        const string Line = "203.0.113.9 - alice [04/Mar/2026:10:01:02 +0000] \"GET /search?q=men%27s+shoes&page=2 HTTP/1.1\" 200 5120 \"https://shop.example/cart?x=1\" \"Mozilla/5.0 (X11; Linux x86_64)\"";

        AccessRequest.ForModel(Line).Should().Be("GET /search?q=men's shoes&page=2 status success referer /cart?x=1 agent Mozilla/5.0 (X11; Linux x86_64)");
    }

    [Fact]
    public void ForModel_CommonLineWithoutAgent_HasMethodTargetAndStatusClass() =>
        AccessRequest.ForModel("10.0.0.1 - - [04/Mar/2026:10:01:02 +0000] \"POST /login HTTP/2.0\" 302 -").Should().Be("POST /login status redirect");

    [Fact]
    public void ForModel_TwoSitesSameRequest_ReadTheSame()
    {
        var a = ModelText.Of("10.1.1.1 - - [01/Jan/2025:00:00:00 +0000] \"GET /a?id=1%27%20OR%201=1 HTTP/1.1\" 500 12 \"-\" \"curl/8.5.0\"");
        var b = ModelText.Of("192.0.2.77 - bob [09/Sep/2026:13:14:15 -0700] \"GET /a?id=1' OR 1=1 HTTP/1.1\" 503 99999 \"https://other.example/\" \"curl/8.5.0\"");

        a.Should().Be(b);
    }

    [Fact]
    public void ForModel_NotAnAccessLine_IsNull() =>
        AccessRequest.ForModel("2026-03-04 10:00:00 INFO GET /api/orders took 12ms").Should().BeNull();
}
