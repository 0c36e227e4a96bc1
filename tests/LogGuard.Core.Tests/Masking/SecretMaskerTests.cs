using LogGuard.Core.Detection.Masking;

namespace LogGuard.Core.Tests.Masking;

public sealed class SecretMaskerTests
{
    // Each family: a line that carries the secret, the secret, the kind counted, and the exact stored form.
    public static readonly TheoryData<string, string, string, string> Secrets = new()
    {
        { "POST /login password=hunter2&user=bob", "hunter2", "credential", "POST /login password=***&user=bob" },
        { "GET /login?user=bob&pass=hunter2 HTTP/1.1", "hunter2", "credential", "GET /login?user=bob&pass=*** HTTP/1.1" },
        { "GET /db?pwd=s3cr3t&x=1", "s3cr3t", "credential", "GET /db?pwd=***&x=1" },
        { "{\"api_key\": \"abcd1234efgh\"}", "abcd1234efgh", "credential", "{\"api_key\": \"***\"}" },
        { "{\"user\":\"bob\",\"password\":\"correct horse \\\"battery\\\"\"}", "battery", "credential", "{\"user\":\"bob\",\"password\":\"***\"}" },
        { "DB_PASSWORD: 's3cr3t!' loaded", "s3cr3t!", "credential", "DB_PASSWORD: '***' loaded" },
        { "client_secret=Zx9-Qw8 grant=client_credentials", "Zx9-Qw8", "credential", "client_secret=*** grant=client_credentials" },
        { "config clientSecret=Zx9Qw8 ok", "Zx9Qw8", "credential", "config clientSecret=*** ok" },
        { "x-api-key: 7f3kq0v9 path=/v1", "7f3kq0v9", "credential", "x-api-key: *** path=/v1" },
        { "set access_token=ya29a0Af; next", "ya29a0Af", "credential", "set access_token=***; next" },
        { "session_id=8c1e42 user=bob", "8c1e42", "credential", "session_id=*** user=bob" },
        { "sid=abc123xyz&lang=en", "abc123xyz", "credential", "sid=***&lang=en" },
        { "{\"private_key\":\"MIIEvQIBADAN\"}", "MIIEvQIBADAN", "credential", "{\"private_key\":\"***\"}" },
        { "Authorization: Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA==", "authorization", "Authorization: Basic ***" },
        { "Authorization: Bearer abcdefgh12345678", "abcdefgh12345678", "authorization", "Authorization: Bearer ***" },
        { "Proxy-Authorization: Negotiate YIIGhgYGKwYBBQ", "YIIGhgYGKwYBBQ", "authorization", "Proxy-Authorization: Negotiate ***" },
        { "{\"authorization\":\"Token 9a8b7c6d5e\"}", "9a8b7c6d5e", "authorization", "{\"authorization\":\"Token ***\"}" },
        { "headers: Cookie: session=abc123; theme=dark", "abc123", "cookie", "headers: Cookie: ***" },
        { "upstream sent Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln to api", "eyJhbGciOiJIUzI1NiJ9", "bearer", "upstream sent Bearer *** to api" },
        { "curl -H 'basic dXNlcjpwYXNz' http://x", "dXNlcjpwYXNz", "basic", "curl -H 'basic ***' http://x" },
        { "connecting to postgres://app:Sup3rS3cret@db.internal:5432/orders", "Sup3rS3cret", "url_password", "connecting to postgres://app:***@db.internal:5432/orders" },
        { "GET https://bob:hunter2@example.org/ HTTP/1.1", "hunter2", "url_password", "GET https://bob:***@example.org/ HTTP/1.1" },
        { "exec: mysql -u root -pS3cret! -h db orders", "S3cret!", "credential", "exec: mysql -u root -p*** -h db orders" },
        { "running deploy --password hunter2 --verbose", "hunter2", "credential", "running deploy --password *** --verbose" },
        { "key -----BEGIN RSA PRIVATE KEY-----MIIEpAIBAAKCAQEA7-----END RSA PRIVATE KEY----- loaded", "MIIEpAIBAAKCAQEA7", "pem", "key -----BEGIN RSA PRIVATE KEY-----***-----END RSA PRIVATE KEY----- loaded" },
        { "bad key: -----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkq", "MIIEvQIBADANBgkq", "pem", "bad key: -----BEGIN PRIVATE KEY-----***" },
        { "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U seen", "eyJzdWIiOiIxMjM0NTY3ODkwIn0", "jwt", "token <jwt> seen" },
        { "key AKIAIOSFODNN7EXAMPLE used", "AKIAIOSFODNN7EXAMPLE", "api_key", "key <api-key> used" },
        { "charge with sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "api_key", "charge with <api-key>" },
        { "push with 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", "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", "api_key", "push with <api-key>" },
        { "slack xoxb-123456789012-abcdefABCDEF ok", "xoxb-123456789012-abcdefABCDEF", "api_key", "slack <api-key> ok" },
        { "maps AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY", "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY", "api_key", "maps <api-key>" },
        { "paid with 4111111111111111 today", "4111111111111111", "card", "paid with <card> today" },
        { "card 4111 1111 1111 1111 exp 12/29", "4111 1111 1111 1111", "card", "card <card> exp 12/29" },
        { "amex 3782-822463-10005 declined", "3782-822463-10005", "card", "amex <card> declined" },
        { "mc 5555555555554444.", "5555555555554444", "card", "mc <card>." },
        { "login from 203.0.113.7 ok", "203.0.113.7", "ip", "login from <ip> ok" },
        { "connect to 10.0.0.7:5432 failed", "10.0.0.7", "ip", "connect to <ip>:5432 failed" },
        { "peer fe80::1ff:fe23:4567:890a closed", "fe80::1ff:fe23:4567:890a", "ip", "peer <ip> closed" },
        { "bind [::1]:8080", "::1", "ip", "bind [<ip>]:8080" },
        { "mail to jane.doe@example.com sent", "jane.doe@example.com", "email", "mail to <email> sent" },
        { "session 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c", "hex", "session <hex>" },
        { "blob dGhpc0lzQVNlY3JldFRva2VuMTIzNDU2Nzg5MEFCQ0RFRg== end", "dGhpc0lzQVNlY3JldFRva2VuMTIzNDU2Nzg5MEFCQ0RFRg==", "base64", "blob <secret> end" },
    };

    // Lines that look close to a secret but hold none: each must be stored exactly as sent.
    public static readonly TheoryData<string> Harmless =
    [
        "ciod: Error loading /bgl/apps/scaletest/performance/MINIBEN/mb_243_0810/allreduce.rts: invalid image",
        "order 4111111111111112 shipped",                       // 16 digits, fails the Luhn check
        "order 1234567890123452 shipped",                       // passes Luhn, no card network starts with 1
        "took 1234 5678 ms over 3 tries",
        "Chrome/124.0.6367.82 and keyboard=qwerty",
        "version 1.2.3.4.5 released",
        "at 12:30:45 std::vector grew",
        "password changed for user bob",
        "the basic configuration loaded",
        "gcc -pthread -pipe -O2 main.c",
        "ssh -p 2222 deploy@host",
        "token count=42 tokens=7",
        "no secrets here: error_count=0",
        "GET /static/app.js HTTP/1.1 200",
    ];

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Mask_LineWithSecret_StoresItMaskedAndCountsTheKind(string line, string secret, string kind, string expected)
    {
        var masked = SecretMasker.Mask(line);

        masked.Text.Should().NotContain(secret).And.Be(expected);
        masked.MaskCounts.Should().ContainKey(kind);
    }

    [Theory]
    [MemberData(nameof(Harmless))]
    public void Mask_LineWithoutSecret_IsKeptAsSent(string line)
    {
        var masked = SecretMasker.Mask(line);

        masked.Text.Should().Be(line);
        masked.MaskCounts.Should().BeEmpty();
    }

    [Fact]
    public void Mask_SeveralFamiliesInOneLine_MasksEachAndCountsThemAll()
    {
        var masked = SecretMasker.Mask("user bob@example.com from 198.51.100.4 password=x1 card 4012888888881881");

        masked.Text.Should().Be("user <email> from <ip> password=*** card <card>");
        masked.MaskCounts.Should().Equal(new Dictionary<string, int> { ["email"] = 1, ["ip"] = 1, ["credential"] = 1, ["card"] = 1 });
    }

    [Fact]
    public void Mask_EveryRealLogLinePayloadAndSecret_ScreeningChangesNothing()
    {
        var data = Path.Combine(RepositoryPaths.Root, "data");
        var lines = Directory.EnumerateFiles(Path.Combine(data, "loghub"), "*.log", SearchOption.AllDirectories).SelectMany(File.ReadLines)
            .Concat(Directory.EnumerateFiles(Path.Combine(data, "payloads"), "*.tsv").SelectMany(file => File.ReadLines(file).Skip(1)))
            .Concat(((IEnumerable<object[]>)Secrets).Select(row => (string)row[0]))
            .Concat(((IEnumerable<object[]>)Harmless).Select(row => (string)row[0]))
            .ToList();
        lines.Should().HaveCountGreaterThan(30_000);

        var masked = 0;
        foreach (var line in lines)
        {
            var screened = SecretMasker.Mask(line, screened: true);
            var everyFamily = SecretMasker.Mask(line, screened: false);

            screened.Text.Should().Be(everyFamily.Text, "line {0}", line);
            screened.MaskCounts.Should().Equal(everyFamily.MaskCounts);
            masked += screened.MaskCounts.Count > 0 ? 1 : 0;
        }

        masked.Should().BeGreaterThan(5_000, "the corpus exercises the masks, not only their absence");
    }
}
