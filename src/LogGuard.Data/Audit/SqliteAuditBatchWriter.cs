using LogGuard.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Data.Audit;

/// <summary>
/// SQLite's fast path, as Microsoft.Data.Sqlite documents it for bulk inserts: one prepared command whose
/// parameters are reused for every row, inside one transaction. It skips EF's change tracker, which would cost
/// more than the inserts; the mapping still comes from the EF model.
/// </summary>
internal sealed class SqliteAuditBatchWriter : IAuditBatchWriter
{
    private AuditColumns? _table;

    public async Task WriteAsync(LogGuardDbContext db, IReadOnlyList<PredictionLog> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = _table ??= AuditColumns.From(db.Model);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();

            // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): the write lock is taken, with the driver's busy
            // retries, before the first insert, so no other connection can insert between this batch's rows.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = InsertSql(table);
            var parameters = table.Columns.Select((_, index) => insert.Parameters.Add(new SqliteParameter { ParameterName = "$p" + index })).ToArray();

            // Synchronous on purpose: Microsoft.Data.Sqlite's async methods complete synchronously anyway, and
            // would only add a task per row. ExecuteNonQuery, because reading a RETURNING row back costs about a
            // third more per row than the insert alone.
            foreach (var row in rows)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = table.Columns[i].StoredValue(row);
                }

                insert.ExecuteNonQuery();
            }

            AssignConsecutiveIds(rows, connection, transaction, table);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // The key is AUTOINCREMENT and the batch holds the write lock, so its rows took consecutive ids that end at the
    // last inserted one. That is checked, not assumed: the batch fails (and rolls back) rather than hand out wrong ids.
    private static void AssignConsecutiveIds(IReadOnlyList<PredictionLog> rows, SqliteConnection connection, SqliteTransaction transaction, AuditColumns table)
    {
        using var query = connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = $"SELECT last_insert_rowid(), (SELECT count(*) FROM {AuditColumns.Quote(table.Table)} " +
                            $"WHERE {AuditColumns.Quote(table.Key)} BETWEEN last_insert_rowid() - $count + 1 AND last_insert_rowid())";
        query.Parameters.AddWithValue("$count", rows.Count);
        using var reader = query.ExecuteReader();
        reader.Read();
        var lastId = reader.GetInt64(0);
        if (reader.GetInt64(1) != rows.Count)
        {
            throw new InvalidOperationException(
                $"The audit batch of {rows.Count} rows did not take consecutive ids ending at {lastId}; it was rolled back.");
        }

        var firstId = lastId - rows.Count + 1;
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Id = firstId + i;
        }
    }

    private static string InsertSql(AuditColumns table)
    {
        var names = string.Join(", ", table.Columns.Select(column => AuditColumns.Quote(column.Name)));
        var values = string.Join(", ", table.Columns.Select((_, index) => "$p" + index));
        return $"INSERT INTO {AuditColumns.Quote(table.Table)} ({names}) VALUES ({values})";
    }
}
