using System.Data.Common;
using System.Globalization;
using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace LogGuard.Data.Audit;

/// <summary>
/// Inserts a batch of audit rows with one prepared statement in one transaction, and reads back their ids.
/// The hot path of every request ends here, so it skips the change tracker; the table, columns and
/// conversions still come from the EF model, so the mapping is declared once.
/// </summary>
internal sealed class PredictionLogInserter
{
    private readonly string _sql;
    private readonly Column[] _columns;

    public PredictionLogInserter(IModel model)
    {
        var entity = model.FindEntityType(typeof(PredictionLog))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single();
        _columns = [.. entity.GetProperties().Where(property => property != key).Select(property => new Column(
            property.GetColumnName(table)!,
            (RelationalTypeMapping)property.GetTypeMapping(),
            CompileGetter(property.PropertyInfo!),
            property.IsNullable))];

        var names = string.Join(", ", _columns.Select(column => Quote(column.Name)));
        var parameters = string.Join(", ", _columns.Select((_, i) => ParameterName(i)));
        _sql = $"INSERT INTO {Quote(table.Name)} ({names}) VALUES ({parameters}) RETURNING {Quote(key.GetColumnName(table)!)}";
    }

    public async Task InsertAsync(LogGuardDbContext db, IEnumerable<PredictionLog> rows, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = _sql;
            var parameters = _columns.Select((column, i) => column.Mapping.CreateParameter(command, ParameterName(i), null, column.Nullable)).ToArray();
            command.Parameters.AddRange(parameters);
            await command.PrepareAsync(cancellationToken);

            foreach (var row in rows)
            {
                for (var i = 0; i < _columns.Length; i++)
                {
                    parameters[i].Value = _columns[i].ProviderValue(row) ?? DBNull.Value;
                }

                row.Id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string ParameterName(int index) => "@p" + index.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // Reflection's GetValue costs more than the insert itself at thousands of rows a second; a compiled getter does not.
    private static Func<PredictionLog, object?> CompileGetter(System.Reflection.PropertyInfo property)
    {
        var row = System.Linq.Expressions.Expression.Parameter(typeof(PredictionLog), "row");
        var body = System.Linq.Expressions.Expression.Convert(System.Linq.Expressions.Expression.Property(row, property), typeof(object));
        return System.Linq.Expressions.Expression.Lambda<Func<PredictionLog, object?>>(body, row).Compile();
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, Func<PredictionLog, object?> Get, bool Nullable)
    {
        public object? ProviderValue(PredictionLog row)
        {
            var value = Get(row);
            return value is null || Mapping.Converter is null ? value : Mapping.Converter.ConvertToProvider(value);
        }
    }
}
