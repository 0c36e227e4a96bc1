using LogGuard.Data.Audit;
using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Data.Tests;

public sealed class SqliteAuditBatchWriterTests : IDisposable
{
    private static readonly DateTime At = new(2026, 3, 4, 10, 1, 2, 123, DateTimeKind.Utc);

    private readonly SqliteDatabase _database = new();
    private readonly SqliteAuditBatchWriter _writer = new();

    [Fact]
    public async Task WriteAsync_Batch_SetsEachRowsIdToTheStoredRow()
    {
        var rows = new[] { SqliteDatabase.Row(At), SqliteDatabase.Row(At.AddMilliseconds(1), "suspicious"), SqliteDatabase.Row(At.AddMilliseconds(2)) };

        await using (var db = _database.Open())
        {
            await _writer.WriteAsync(db, rows, CancellationToken.None);
        }

        await using var check = _database.Open();
        var stored = await check.PredictionLogs.OrderBy(row => row.Id).Select(row => new { row.Id, row.Label }).ToListAsync();
        stored.Select(row => row.Id).Should().Equal(rows.Select(row => row.Id));
        stored.Select(row => row.Label).Should().Equal("normal", "suspicious", "normal");
    }

    [Fact]
    public async Task WriteAsync_AfterTheNewestRowWasDeleted_StillSetsEachRowsIdToTheStoredRow()
    {
        await using (var db = _database.Open())
        {
            await _writer.WriteAsync(db, [SqliteDatabase.Row(At), SqliteDatabase.Row(At)], CancellationToken.None);
            await db.PredictionLogs.Where(row => row.Id == 2).ExecuteDeleteAsync();
        }

        var rows = new[] { SqliteDatabase.Row(At, "suspicious"), SqliteDatabase.Row(At) };
        await using (var db = _database.Open())
        {
            await _writer.WriteAsync(db, rows, CancellationToken.None);
        }

        await using var check = _database.Open();
        var stored = await check.PredictionLogs.Where(row => row.Id > 1).OrderBy(row => row.Id).Select(row => new { row.Id, row.Label }).ToListAsync();
        stored.Select(row => row.Id).Should().Equal(rows.Select(row => row.Id)).And.Equal(3L, 4L);
        stored.Select(row => row.Label).Should().Equal("suspicious", "normal");
    }

    [Fact]
    public async Task WriteAsync_RowTheDatabaseRefuses_StoresNoneOfTheBatch()
    {
        var broken = SqliteDatabase.Row(At);
        broken.Label = null!; // NOT NULL in the schema
        var rows = new[] { SqliteDatabase.Row(At), broken };

        await using (var db = _database.Open())
        {
            var write = () => _writer.WriteAsync(db, rows, CancellationToken.None);
            await write.Should().ThrowAsync<Microsoft.Data.Sqlite.SqliteException>();
        }

        await using var check = _database.Open();
        (await check.PredictionLogs.CountAsync()).Should().Be(0, "one transaction: every row is stored, or none is");
    }

    [Fact]
    public async Task WriteAsync_StoredRow_IsByteForByteWhatEfCoreStoresForTheSameValues()
    {
        var fast = SqliteDatabase.Row(At.AddTicks(1234567));
        fast.Level = "ERROR";
        fast.RawLine = "plain words with no level ä ö ü 日本";
        fast.Source = null;
        var reference = SqliteDatabase.Row(fast.Timestamp);
        reference.Level = fast.Level;
        reference.RawLine = fast.RawLine;
        reference.Source = null;

        await using (var db = _database.Open())
        {
            await _writer.WriteAsync(db, [fast], CancellationToken.None);
            db.PredictionLogs.Add(reference);
            await db.SaveChangesAsync();
        }

        (await StoredFormAsync(fast.Id)).Should().Equal(await StoredFormAsync(reference.Id));
    }

    public void Dispose() => _database.Dispose();

    // Every column but the id as SQLite holds it: its storage class and its quoted value.
    private async Task<List<string>> StoredFormAsync(long id)
    {
        await using var db = _database.Open();
        var columns = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('prediction_logs') WHERE name <> 'id'").ToListAsync();
        var select = string.Join(" || '|' || ", columns.Select(column => $"'{column}=' || typeof(\"{column}\") || ':' || quote(\"{column}\")"));
        // The column names come from SQLite's own table description, not from input.
#pragma warning disable EF1003
        var row = await db.Database.SqlQueryRaw<string>("SELECT " + select + " AS Value FROM prediction_logs WHERE id = {0}", id).SingleAsync();
#pragma warning restore EF1003
        return [.. row.Split('|')];
    }
}
