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
        var table = _table ??= AuditColumns.From(db.Model);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();

            // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): the write lock is taken, with the driver's busy
            // retries, before the first insert.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = InsertSql(table);
            var parameters = table.Columns.Select((_, index) => insert.Parameters.Add(new SqliteParameter { ParameterName = "$p" + index })).ToArray();
            foreach (var row in rows)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = table.Columns[i].StoredValue(row);
                }

                // Synchronous on purpose: Microsoft.Data.Sqlite's async methods complete synchronously anyway, and
                // would only add a task per row.
                row.Id = (long)insert.ExecuteScalar()!;
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string InsertSql(AuditColumns table)
    {
        var names = string.Join(", ", table.Columns.Select(column => AuditColumns.Quote(column.Name)));
        var values = string.Join(", ", table.Columns.Select((_, index) => "$p" + index));
        return $"INSERT INTO {AuditColumns.Quote(table.Table)} ({names}) VALUES ({values}) RETURNING {AuditColumns.Quote(table.Key)}";
    }
}
