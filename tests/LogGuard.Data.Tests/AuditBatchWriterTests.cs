using System.Data.Common;
using LogGuard.Data.Audit;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Data.Tests;

/// <summary>Each provider's fast audit writer, against a real database of that provider.</summary>
public sealed class AuditBatchWriterTests
{
    private static readonly DateTime At = new(2026, 3, 4, 10, 1, 2, 123, DateTimeKind.Utc);

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task WriteAsync_Batch_SetsEachRowsIdToTheStoredRow(string provider)
    {
        using var database = new MigratedDatabase(provider);
        var writer = DataServiceCollectionExtensions.CreateAuditWriter(provider);
        var rows = new[] { MigratedDatabase.Row(At), MigratedDatabase.Row(At.AddMilliseconds(1), "suspicious"), MigratedDatabase.Row(At.AddMilliseconds(2)) };

        await using (var db = database.Open())
        {
            await writer.WriteAsync(db, rows, CancellationToken.None);
        }

        await using var check = database.Open();
        var stored = await check.PredictionLogs.OrderBy(row => row.Id).Select(row => new { row.Id, row.Label, row.Timestamp }).ToListAsync();
        stored.Select(row => row.Id).Should().Equal(rows.Select(row => row.Id));
        stored.Select(row => row.Label).Should().Equal("normal", "suspicious", "normal");
        stored.Select(row => row.Timestamp).Should().Equal(rows.Select(row => row.Timestamp), "instants come back as stored, in UTC");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task WriteAsync_AfterTheNewestRowWasDeleted_StillSetsEachRowsIdToTheStoredRow(string provider)
    {
        using var database = new MigratedDatabase(provider);
        var writer = DataServiceCollectionExtensions.CreateAuditWriter(provider);
        await using (var db = database.Open())
        {
            await writer.WriteAsync(db, [MigratedDatabase.Row(At), MigratedDatabase.Row(At)], CancellationToken.None);
            await db.PredictionLogs.Where(row => row.Id == 2).ExecuteDeleteAsync();
        }

        var rows = new[] { MigratedDatabase.Row(At, "suspicious"), MigratedDatabase.Row(At) };
        await using (var db = database.Open())
        {
            await writer.WriteAsync(db, rows, CancellationToken.None);
        }

        await using var check = database.Open();
        var stored = await check.PredictionLogs.Where(row => row.Id > 1).OrderBy(row => row.Id).Select(row => new { row.Id, row.Label }).ToListAsync();
        stored.Select(row => row.Id).Should().Equal(rows.Select(row => row.Id)).And.Equal(3L, 4L);
        stored.Select(row => row.Label).Should().Equal("suspicious", "normal");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task WriteAsync_RowTheDatabaseRefuses_StoresNoneOfTheBatch(string provider)
    {
        using var database = new MigratedDatabase(provider);
        var writer = DataServiceCollectionExtensions.CreateAuditWriter(provider);
        var broken = MigratedDatabase.Row(At);
        broken.Label = null!; // NOT NULL in the schema
        var rows = new[] { MigratedDatabase.Row(At), broken };

        await using (var db = database.Open())
        {
            var write = () => writer.WriteAsync(db, rows, CancellationToken.None);
            await write.Should().ThrowAsync<DbException>();
        }

        await using var check = database.Open();
        (await check.PredictionLogs.CountAsync()).Should().Be(0, "one transaction: every row is stored, or none is");
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task WriteAsync_StoredRow_IsWhatEfCoreStoresForTheSameValues(string provider)
    {
        using var database = new MigratedDatabase(provider);
        var writer = DataServiceCollectionExtensions.CreateAuditWriter(provider);
        var fast = MigratedDatabase.Row(At.AddTicks(1230));
        fast.Level = "ERROR";
        fast.RawLine = "plain words with no level ä ö ü 日本";
        fast.Source = null;
        fast.InputSummary = """{"masked":"token=*** from <ip>","masks":{"credential":1,"ip":1}}""";
        var reference = MigratedDatabase.Row(fast.Timestamp);
        reference.Level = fast.Level;
        reference.RawLine = fast.RawLine;
        reference.Source = null;
        reference.InputSummary = fast.InputSummary;

        await using (var db = database.Open())
        {
            await writer.WriteAsync(db, [fast], CancellationToken.None);
            db.PredictionLogs.Add(reference);
            await db.SaveChangesAsync();
        }

        (await StoredFormAsync(database, fast.Id)).Should().Be(await StoredFormAsync(database, reference.Id));
    }

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task WriteAsync_InstantFinerThanAMicrosecond_ComesBackTruncatedToIt(string provider)
    {
        using var database = new MigratedDatabase(provider);
        var fine = At.AddTicks(1237); // 123.7 µs past the millisecond
        var rows = new[] { MigratedDatabase.Row(fine) };
        await using (var db = database.Open())
        {
            await DataServiceCollectionExtensions.CreateAuditWriter(provider).WriteAsync(db, rows, CancellationToken.None);
        }

        await using var check = database.Open();
        var stored = await check.PredictionLogs.Select(row => row.Timestamp).SingleAsync();
        stored.Should().Be(At.AddTicks(1230)).And.Be(StoredInstant.Of(fine));
        (await check.PredictionLogs.CountAsync(row => row.Timestamp >= stored + StoredInstant.Resolution)).Should().Be(0,
            "the instant one step after a stored one is past it on every provider");
    }

    [Theory]
    [PostgresData]
    public async Task WriteAsync_Postgres_StoresTheSummaryAsJsonAndTheTimestampWithItsZone(string provider)
    {
        using var database = new MigratedDatabase(provider);
        var row = MigratedDatabase.Row(At);
        await using (var db = database.Open())
        {
            await DataServiceCollectionExtensions.CreateAuditWriter(provider).WriteAsync(db, [row], CancellationToken.None);
        }

        await using var check = database.Open();
        var types = await check.Database.SqlQueryRaw<string>(
            "SELECT pg_typeof(input_summary)::text || ',' || pg_typeof(timestamp)::text || ',' || (input_summary->>'masked') AS \"Value\" FROM prediction_logs").SingleAsync();
        types.Should().Be("jsonb,timestamp with time zone,user login ok today");
    }

    // Every column but the id as the database holds it, in a form that shows type and value.
    private static async Task<string> StoredFormAsync(MigratedDatabase database, long id)
    {
        await using var db = database.Open();
        if (database.Provider == DatabaseProviders.Postgres)
        {
            return await db.Database.SqlQueryRaw<string>("SELECT (to_jsonb(p) - 'id')::text AS \"Value\" FROM prediction_logs p WHERE id = {0}", id).SingleAsync();
        }

        var columns = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('prediction_logs') WHERE name <> 'id'").ToListAsync();
        var select = string.Join(" || '|' || ", columns.Select(column => $"'{column}=' || typeof(\"{column}\") || ':' || quote(\"{column}\")"));
        // The column names come from SQLite's own table description, not from input.
#pragma warning disable EF1003
        return await db.Database.SqlQueryRaw<string>("SELECT " + select + " AS Value FROM prediction_logs WHERE id = {0}", id).SingleAsync();
#pragma warning restore EF1003
    }
}
