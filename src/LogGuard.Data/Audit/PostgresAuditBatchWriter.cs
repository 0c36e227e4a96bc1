using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LogGuard.Data.Audit;

/// <summary>
/// PostgreSQL's fast path: binary <c>COPY</c> through Npgsql inside the batch transaction. COPY cannot return the
/// ids it stored, so the batch first draws them from the key's own identity sequence and copies them in with the
/// rows; ids stay unique across instances, and a failed batch stores nothing (the drawn ids are simply skipped).
/// </summary>
internal sealed class PostgresAuditBatchWriter : IAuditBatchWriter
{
    private AuditColumns? _table;
    private NpgsqlDbType[]? _types;

    public async Task WriteAsync(LogGuardDbContext db, IReadOnlyList<PredictionLog> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = _table ??= AuditColumns.From(db.Model);
        var types = _types ??= [.. table.Columns.Select(WireType)];
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var ids = await DrawIdsAsync(connection, table, rows.Count, cancellationToken);

            await using (var import = await connection.BeginBinaryImportAsync(CopySql(table), cancellationToken))
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    await import.StartRowAsync(cancellationToken);
                    await import.WriteAsync(ids[i], NpgsqlDbType.Bigint, cancellationToken);
                    for (var c = 0; c < table.Columns.Count; c++)
                    {
                        var value = table.Columns[c].StoredValue(rows[i]);
                        if (value is DBNull)
                        {
                            await import.WriteNullAsync(cancellationToken);
                        }
                        else
                        {
                            await import.WriteAsync(value, types[c], cancellationToken);
                        }
                    }
                }

                await import.CompleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            for (var i = 0; i < rows.Count; i++)
            {
                rows[i].Id = ids[i];
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long[]> DrawIdsAsync(NpgsqlConnection connection, AuditColumns table, int count, CancellationToken cancellationToken)
    {
        await using var draw = new NpgsqlCommand(
            $"SELECT nextval(pg_get_serial_sequence(@table, @key)) FROM generate_series(1, @count)", connection);
        draw.Parameters.AddWithValue("table", AuditColumns.Quote(table.Table));
        draw.Parameters.AddWithValue("key", table.Key);
        draw.Parameters.AddWithValue("count", count);
        var ids = new long[count];
        await using var reader = await draw.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; await reader.ReadAsync(cancellationToken); i++)
        {
            ids[i] = reader.GetInt64(0);
        }

        return ids;
    }

    private static string CopySql(AuditColumns table)
    {
        var names = string.Join(", ", table.Columns.Select(column => AuditColumns.Quote(column.Name)));
        return $"COPY {AuditColumns.Quote(table.Table)} ({AuditColumns.Quote(table.Key)}, {names}) FROM STDIN (FORMAT BINARY)";
    }

    // Binary COPY sends each value in its column's wire format, so the type is named, not inferred.
    private static NpgsqlDbType WireType(AuditColumn column) => column.Mapping.StoreType switch
    {
        "jsonb" => NpgsqlDbType.Jsonb,
        _ => column.Mapping.ClrType switch
        {
            var type when type == typeof(long) => NpgsqlDbType.Bigint,
            var type when type == typeof(int) => NpgsqlDbType.Integer,
            var type when type == typeof(double) => NpgsqlDbType.Double,
            var type when type == typeof(bool) => NpgsqlDbType.Boolean,
            var type when type == typeof(DateTime) => NpgsqlDbType.TimestampTz,
            var type when type == typeof(string) => NpgsqlDbType.Text,
            var type => throw new NotSupportedException($"The audit column '{column.Name}' has a type ({type}) the COPY writer does not send."),
        },
    };
}
