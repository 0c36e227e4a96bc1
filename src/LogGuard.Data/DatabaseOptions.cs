using System.ComponentModel.DataAnnotations;

namespace LogGuard.Data;

/// <summary>Where the audit store lives (section <c>Database</c>).</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string SectionName = "Database";

    public const string DefaultSqliteConnectionString = "Data Source=data/logguard.db";

    /// <summary><c>Sqlite</c> (default, one instance) or <c>Postgres</c> (production, several instances on one database).</summary>
    [Required]
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>
    /// <c>ConnectionStrings:LogGuard</c> when it is set, else this. For SQLite it defaults to a file under
    /// <c>data/</c>; a relative <c>Data Source</c> is resolved from the content root and its folder is created.
    /// PostgreSQL has no default: the server, database and credentials are the operator's to name.
    /// </summary>
    public string? ConnectionString { get; set; }

    public string EffectiveConnectionString => ConnectionString is { Length: > 0 } value
        ? value
        : Provider == DatabaseProviders.Sqlite ? DefaultSqliteConnectionString : "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EffectiveConnectionString.Length == 0)
        {
            yield return new ValidationResult(
                $"The '{Provider}' provider needs a connection string: set ConnectionStrings:{DatabaseProviders.ConnectionStringName} " +
                $"(environment ConnectionStrings__{DatabaseProviders.ConnectionStringName}).",
                [nameof(ConnectionString)]);
        }
    }
}
