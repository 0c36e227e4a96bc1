using System.Globalization;
using LogGuard.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace LogGuard.Data.Audit;

/// <summary>
/// Inserts a batch of audit rows with one prepared statement in one transaction, and reads back their ids.
/// The hot path of every request ends here, so it skips the change tracker and ADO.NET's per-row work
/// (a data reader per row, parameters found by name): values are bound by position straight to SQLite.
/// The table, columns and conversions still come from the EF model, so the mapping is declared once, and
/// values are stored exactly as EF stores them (a test compares the two byte for byte).
/// </summary>
internal sealed class PredictionLogInserter
{
    // Microsoft.Data.Sqlite's text form of a DateTime; the monitor's range queries compare these strings.
    private const string SqliteDateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    private readonly string _sql;
    private readonly Column[] _columns;

    public PredictionLogInserter(IModel model)
    {
        var entity = model.FindEntityType(typeof(PredictionLog))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single();
        _columns = [.. entity.GetProperties().Where(property => property != key).Select(property => ColumnFor(property, table))];

        var names = string.Join(", ", _columns.Select(column => Quote(column.Name)));
        var placeholders = string.Join(", ", _columns.Select(_ => "?"));
        _sql = $"INSERT INTO {Quote(table.Name)} ({names}) VALUES ({placeholders})";
    }

    public async Task InsertAsync(LogGuardDbContext db, IEnumerable<PredictionLog> rows, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();

            // BEGIN IMMEDIATE: the write lock is taken (with Microsoft.Data.Sqlite's busy retries) before the
            // first insert, so no raw step below can meet a busy database.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            InsertAll(connection.Handle!, rows);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private void InsertAll(sqlite3 database, IEnumerable<PredictionLog> rows)
    {
        Check(raw.sqlite3_prepare_v2(database, _sql, out var statement), database);
        using (statement)
        {
            foreach (var row in rows)
            {
                for (var i = 0; i < _columns.Length; i++)
                {
                    var value = _columns[i].ProviderValue(row);
                    Check(value is null ? raw.sqlite3_bind_null(statement, i + 1) : _columns[i].Bind(statement, i + 1, value), database);
                }

                Check(raw.sqlite3_step(statement), database, expected: raw.SQLITE_DONE);

                row.Id = raw.sqlite3_last_insert_rowid(database);
                Check(raw.sqlite3_reset(statement), database);
            }
        }
    }

    private static Column ColumnFor(IProperty property, StoreObjectIdentifier table)
    {
        var name = property.GetColumnName(table)!;
        var mapping = (RelationalTypeMapping)property.GetTypeMapping();
        return new Column(name, mapping, CompileGetter(property.PropertyInfo!), BinderFor(name, mapping));
    }

    // Chosen once per column from the EF mapping, so a column of a type this cannot store fails at the first commit
    // with its name rather than binding something EF would not read back.
    private static Func<sqlite3_stmt, int, object, int> BinderFor(string column, RelationalTypeMapping mapping)
    {
        var providerType = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        providerType = Nullable.GetUnderlyingType(providerType) ?? providerType;
        return providerType switch
        {
            _ when providerType == typeof(string) => (statement, index, value) => raw.sqlite3_bind_text16(statement, index, (string)value),
            _ when providerType == typeof(bool) => (statement, index, value) => raw.sqlite3_bind_int64(statement, index, (bool)value ? 1 : 0),
            _ when providerType == typeof(int) => (statement, index, value) => raw.sqlite3_bind_int64(statement, index, (int)value),
            _ when providerType == typeof(long) => (statement, index, value) => raw.sqlite3_bind_int64(statement, index, (long)value),
            _ when providerType == typeof(double) => (statement, index, value) => raw.sqlite3_bind_double(statement, index, (double)value),
            _ when providerType == typeof(DateTime) => (statement, index, value) =>
                raw.sqlite3_bind_text16(statement, index, ((DateTime)value).ToString(SqliteDateTimeFormat, CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"Column '{column}' stores {providerType}, which the audit inserter cannot bind."),
        };
    }

    private static void Check(int result, sqlite3 database, int expected = raw.SQLITE_OK)
    {
        if (result != expected)
        {
            SqliteException.ThrowExceptionForRC(result, database);
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // Reflection's GetValue costs more than the insert itself at thousands of rows a second; a compiled getter does not.
    private static Func<PredictionLog, object?> CompileGetter(System.Reflection.PropertyInfo property)
    {
        var row = System.Linq.Expressions.Expression.Parameter(typeof(PredictionLog), "row");
        var body = System.Linq.Expressions.Expression.Convert(System.Linq.Expressions.Expression.Property(row, property), typeof(object));
        return System.Linq.Expressions.Expression.Lambda<Func<PredictionLog, object?>>(body, row).Compile();
    }

    private sealed record Column(
        string Name,
        RelationalTypeMapping Mapping,
        Func<PredictionLog, object?> Get,
        Func<sqlite3_stmt, int, object, int> Bind)
    {
        public object? ProviderValue(PredictionLog row)
        {
            var value = Get(row);
            return value is null || Mapping.Converter is null ? value : Mapping.Converter.ConvertToProvider(value);
        }
    }
}
