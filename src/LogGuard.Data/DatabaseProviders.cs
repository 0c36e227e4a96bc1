namespace LogGuard.Data;

public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";

    public const string Postgres = "Postgres";

    /// <summary>Each provider keeps its migrations in an assembly of its own.</summary>
    public const string SqliteMigrationsAssembly = "LogGuard.Data.Sqlite";

    public const string PostgresMigrationsAssembly = "LogGuard.Data.Postgres";

    /// <summary>The connection string's name under <c>ConnectionStrings</c> (environment: <c>ConnectionStrings__LogGuard</c>).</summary>
    public const string ConnectionStringName = "LogGuard";
}
