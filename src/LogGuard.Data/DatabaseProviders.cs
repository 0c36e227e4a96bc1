namespace LogGuard.Data;

public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";

    /// <summary>Each provider keeps its migrations in an assembly of its own.</summary>
    public const string SqliteMigrationsAssembly = "LogGuard.Data.Sqlite";
}
