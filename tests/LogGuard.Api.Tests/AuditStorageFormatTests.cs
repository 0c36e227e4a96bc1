using LogGuard.Api.Tests.Infrastructure;
using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Api.Tests;

/// <summary>
/// The audit writer binds values straight to SQLite; EF Core reads them back and the monitor compares timestamps
/// as text, so every column must be stored exactly as EF itself would store it.
/// </summary>
public sealed class AuditStorageFormatTests
{
    [Fact]
    public async Task Detect_StoredRows_MatchWhatEfCoreStoresForTheSameValues()
    {
        using var factory = new LogGuardFactory(new Dictionary<string, string?> { ["LogGuard:Audit:StoreRawLines"] = "true" });
        var response = await factory.CreateClient().PostLinesAsync([
            "Mar  4 10:01:02 web-01 sshd[4242]: Failed password for invalid user admin from 203.0.113.9 port 52144 ssh2",
            "{\"level\":\"info\",\"msg\":\"request completed\",\"path\":\"/api/orders\",\"status\":200}",
            "plain words with no level ä ö ü 日本",
        ]);
        var ids = (await response.JsonAsync())["results"]!.AsArray().Select(result => result!["id"]!.GetValue<long>()).ToList();

        foreach (var id in ids)
        {
            var written = await factory.QueryAsync(db => db.PredictionLogs.AsNoTracking().SingleAsync(row => row.Id == id));
            written.Id = 0;
            var referenceId = await factory.QueryAsync(async db =>
            {
                db.PredictionLogs.Add(written);
                await db.SaveChangesAsync();
                return written.Id;
            });

            var fast = await StoredFormAsync(factory, id);
            var reference = await StoredFormAsync(factory, referenceId);
            fast.Should().Equal(reference, $"row {id} must be stored as EF Core stores it");
        }
    }

    private static async Task<List<string>> StoredFormAsync(LogGuardFactory factory, long id)
    {
        var columns = await factory.QueryAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('prediction_logs') WHERE name <> 'id'")
            .ToListAsync());
        var select = string.Join(" || '|' || ", columns.Select(column => $"'{column}=' || typeof(\"{column}\") || ':' || quote(\"{column}\")"));
        var sql = "SELECT " + select + " AS Value FROM prediction_logs WHERE id = {0}";
        var row = await factory.QueryAsync(db => db.Database.SqlQueryRaw<string>(sql, id).SingleAsync());
        return [.. row.Split('|')];
    }
}
