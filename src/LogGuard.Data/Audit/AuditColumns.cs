using System.Linq.Expressions;
using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace LogGuard.Data.Audit;

/// <summary>
/// The audit table as the EF model maps it: its name and, for every column but the key, the name and the value
/// to store (after EF's value converters). The fast writers read the mapping from here, so it is declared once.
/// </summary>
internal sealed class AuditColumns
{
    private AuditColumns(string table, string key, IReadOnlyList<AuditColumn> columns)
    {
        Table = table;
        Key = key;
        Columns = columns;
    }

    public string Table { get; }

    public string Key { get; }

    public IReadOnlyList<AuditColumn> Columns { get; }

    public static AuditColumns From(IModel model)
    {
        var entity = model.FindEntityType(typeof(PredictionLog))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var columns = entity.GetProperties()
            .Where(property => property != key)
            .Select(property => new AuditColumn(property.GetColumnName(table)!, (RelationalTypeMapping)property.GetTypeMapping(), CompileGetter(property)))
            .ToList();
        return new AuditColumns(table.Name, key.GetColumnName(table)!, columns);
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // Reflection's GetValue costs more than the insert itself at thousands of rows a second; a compiled getter does not.
    private static Func<PredictionLog, object?> CompileGetter(IProperty property)
    {
        var row = Expression.Parameter(typeof(PredictionLog), "row");
        var body = Expression.Convert(Expression.Property(row, property.PropertyInfo!), typeof(object));
        return Expression.Lambda<Func<PredictionLog, object?>>(body, row).Compile();
    }
}

internal sealed record AuditColumn(string Name, RelationalTypeMapping Mapping, Func<PredictionLog, object?> Get)
{
    /// <summary>The value as EF would send it to the database: converted, or <see cref="DBNull"/>.</summary>
    public object StoredValue(PredictionLog row)
    {
        var value = Get(row);
        if (value is null)
        {
            return DBNull.Value;
        }

        return Mapping.Converter is null ? value : Mapping.Converter.ConvertToProvider(value) ?? DBNull.Value;
    }
}
