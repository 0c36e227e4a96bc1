using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Api.Tests;

/// <summary>What a user would try: lines that carry every common family of credential, posted as a shipper would, and read back from the audit table.</summary>
public sealed class SecretStorageTests
{
    private static readonly (string Line, string Secret)[] LinesWithSecrets =
    [
        ("GET /admin HTTP/1.1 Authorization: Basic YWRtaW46czNjcjN0UGFzcw==", "YWRtaW46czNjcjN0UGFzcw=="),
        ("10.1.2.3 - - [04/Mar/2026:10:01:02 +0000] \"GET /login?user=bob&pass=Hunter22 HTTP/1.1\" 200 12 \"-\" \"curl/8.5.0\"", "Hunter22"),
        ("GET /api?pwd=Tr0ub4dor HTTP/1.1", "Tr0ub4dor"),
        ("connecting to amqp://svc:Qu3ueS3cret@mq.internal:5672/", "Qu3ueS3cret"),
        ("payment card 4242 4242 4242 4242 charged", "4242 4242 4242 4242"),
        ("payment card 5105105105105100 charged", "5105105105105100"),
        ("backup: mysqldump -u root -pR00tPw0rd shop > dump.sql", "R00tPw0rd"),
        ("{\"event\":\"login\",\"password\":\"pa55 word\",\"client_secret\":\"cs_9f8e7d\"}", "cs_9f8e7d"),
        ("loaded -----BEGIN OPENSSH PRIVATE KEY-----b3BlbnNzaC1rZXktdjEAAAAABG5vbmU-----END OPENSSH PRIVATE KEY-----", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmU"),
        ("Set-Cookie: sessionid=8f14e45fceea167a; HttpOnly", "8f14e45fceea167a"),
    ];

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Detect_LinesWithEveryCredentialFamily_StoresNoneOfThemInClear(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        var response = await factory.CreateClient().PostLinesAsync([.. LinesWithSecrets.Select(pair => pair.Line)], "secrets-test");
        response.EnsureSuccessStatusCode();

        var stored = await factory.QueryAsync(db => db.PredictionLogs.OrderBy(row => row.Id).Select(row => row.InputSummary).ToListAsync());

        stored.Should().HaveCount(LinesWithSecrets.Length);
        for (var i = 0; i < stored.Count; i++)
        {
            stored[i].Should().NotContain(LinesWithSecrets[i].Secret, "line {0} must be stored masked", i);
        }

        stored[5].Should().Contain("<card>");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task Detect_OrderNumberThatFailsTheLuhnCheck_IsStoredAsSent(string provider)
    {
        using var factory = new LogGuardFactory(provider: provider);
        const string Line = "order 4242424242424241 shipped to warehouse 7";
        (await factory.CreateClient().PostLinesAsync([Line])).EnsureSuccessStatusCode();

        var stored = await factory.QueryAsync(db => db.PredictionLogs.Select(row => row.InputSummary).SingleAsync());

        stored.Should().Contain("4242424242424241");
    }
}
