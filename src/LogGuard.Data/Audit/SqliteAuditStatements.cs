using LogGuard.Data.Entities;
using Microsoft.Data.Sqlite;

namespace LogGuard.Data.Audit;

/// <summary>One open connection with the audit insert and the id check prepared on it.</summary>
internal sealed class SqliteAuditStatements : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly AuditColumns _table;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter[] _values;
    private readonly SqliteCommand _idCheck;
    private readonly SqliteParameter _count;

    private SqliteAuditStatements(SqliteConnection connection, AuditColumns table)
    {
        _connection = connection;
        _table = table;

        _insert = connection.CreateCommand();
        _insert.CommandText = InsertSql(table);
        _values = [.. table.Columns.Select((_, index) => _insert.Parameters.Add(new SqliteParameter { ParameterName = "$p" + index }))];

        _idCheck = connection.CreateCommand();
        _idCheck.CommandText = $"SELECT last_insert_rowid(), (SELECT count(*) FROM {AuditColumns.Quote(table.Table)} " +
                               $"WHERE {AuditColumns.Quote(table.Key)} BETWEEN last_insert_rowid() - $count + 1 AND last_insert_rowid())";
        _count = _idCheck.Parameters.Add(new SqliteParameter { ParameterName = "$count" });
    }

    public static SqliteAuditStatements Open(string connectionString, AuditColumns table)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            return new SqliteAuditStatements(connection, table);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Write(IReadOnlyList<PredictionLog> rows)
    {
        // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): the write lock is taken, with the driver's busy
        // retries, before the first insert, so no other connection can insert between this batch's rows.
        using var transaction = _connection.BeginTransaction();
        _insert.Transaction = transaction;
        _idCheck.Transaction = transaction;

        // ExecuteNonQuery, because reading a RETURNING row back costs about a third more per row than the insert alone.
        foreach (var row in rows)
        {
            for (var i = 0; i < _values.Length; i++)
            {
                _values[i].Value = _table.Columns[i].StoredValue(row);
            }

            _insert.ExecuteNonQuery();
        }

        AssignConsecutiveIds(rows);
        transaction.Commit();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _idCheck.Dispose();
        _connection.Dispose();
    }

    // The key is AUTOINCREMENT and the batch holds the write lock, so its rows took consecutive ids that end at the
    // last inserted one. That is checked, not assumed: the batch fails (and rolls back) rather than hand out wrong ids.
    private void AssignConsecutiveIds(IReadOnlyList<PredictionLog> rows)
    {
        _count.Value = rows.Count;
        long lastId;
        using (var reader = _idCheck.ExecuteReader())
        {
            reader.Read();
            lastId = reader.GetInt64(0);
            if (reader.GetInt64(1) != rows.Count)
            {
                throw new InvalidOperationException(
                    $"The audit batch of {rows.Count} rows did not take consecutive ids ending at {lastId}; it was rolled back.");
            }
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
