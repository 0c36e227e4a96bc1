using LogGuard.Core.Detection.Masking;
using LogGuard.Core.Detection.Preprocessing;

namespace LogGuard.Core.Tests.Masking;

public sealed class SecretMaskerTests
{
    [Theory]
    [InlineData("login from 203.0.113.7 ok", "203.0.113.7", "ip")]
    [InlineData("peer fe80::1ff:fe23:4567:890a closed", "fe80::1ff:fe23:4567:890a", "ip")]
    [InlineData("mail to jane.doe@example.com sent", "jane.doe@example.com", "email")]
    [InlineData("POST /login password=hunter2&user=bob", "hunter2", "credential")]
    [InlineData("{\"api_key\": \"abcd1234efgh\"}", "abcd1234efgh", "credential")]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "eyJhbGciOiJIUzI1NiJ9", "bearer")]
    [InlineData("key AKIAIOSFODNN7EXAMPLE used", "AKIAIOSFODNN7EXAMPLE", "api_key")]
    [InlineData("session 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c", "hex")]
    [InlineData("blob dGhpc0lzQVNlY3JldFRva2VuMTIzNDU2Nzg5MEFCQ0RFRg== end", "dGhpc0lzQVNlY3JldFRva2VuMTIzNDU2Nzg5MEFCQ0RFRg==", "base64")]
    public void Mask_LineWithSecret_RemovesItAndCountsTheKind(string line, string secret, string kind)
    {
        var masked = SecretMasker.Mask(line);

        masked.Text.Should().NotContain(secret);
        masked.MaskCounts.Should().ContainKey(kind);
    }

    [Fact]
    public void Mask_PathsAndOrdinaryWords_AreKept()
    {
        const string Line = "ciod: Error loading /bgl/apps/scaletest/performance/MINIBEN/mb_243_0810/allreduce.rts: invalid image";

        var masked = SecretMasker.Mask(Line);

        masked.Text.Should().Be(Line);
        masked.MaskCounts.Should().BeEmpty();
    }

    [Theory]
    [InlineData("authentication failure; rhost=218.188.2.4 user=root", "authentication failure; rhost=<ip> user=root")]
    [InlineData("connect to 10.0.0.7:5432 failed", "connect to <ip>:5432 failed")]
    [InlineData("DB_PASSWORD: 's3cr3t!' loaded", "DB_PASSWORD: '***' loaded")]
    [InlineData("Authorization: Bearer abcdefgh12345678", "Authorization: *** ***")]
    [InlineData("{\"user\":\"bob\",\"token\":\"tok_123456\"}", "{\"user\":\"bob\",\"token\":\"***\"}")]
    [InlineData("Chrome/124.0.6367.82 and keyboard=qwerty", "Chrome/124.0.6367.82 and keyboard=qwerty")]
    public void Mask_RealWorldShapes_MaskExactlyTheSecret(string line, string expected) =>
        SecretMasker.Mask(line).Text.Should().Be(expected);

    [Fact]
    public void Mask_HostileLongWords_StaysLinear()
    {
        // Shapes that make naive patterns scan quadratically: long runs just short of a match.
        var lines = new[] { new string('a', 8000) + "@", string.Concat(Enumerable.Repeat("1.", 4000)), new string('f', 8000) + "g", string.Concat(Enumerable.Repeat("password=", 900)) };

        foreach (var line in lines)
        {
            SecretMasker.Mask(line).Text.Length.Should().BeGreaterThan(0);
        }
    }

    [Fact]
    public void Mask_Credential_KeepsTheKeyName() =>
        SecretMasker.Mask("password=hunter2").Text.Should().Be("password=***");
}
