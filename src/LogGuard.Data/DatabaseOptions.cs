using System.ComponentModel.DataAnnotations;

namespace LogGuard.Data;

/// <summary>Where the audit store lives (section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (default).</summary>
    [Required]
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>For SQLite, a relative <c>Data Source</c> is resolved from the content root; its folder is created.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/logguard.db";
}
