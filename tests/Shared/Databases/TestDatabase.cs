using LogGuard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Testing.Databases;

/// <summary>An empty database of one provider for one test: a temporary SQLite file, or a fresh database on the
/// shared throwaway PostgreSQL cluster. Removed when the test ends.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly Action _remove;

    private TestDatabase(string provider, string connectionString, Action remove)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _remove = remove;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public DatabaseOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    /// <summary>The settings that point the service at this database.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["LogGuard:Database:Provider"] = Provider,
        ["ConnectionStrings:LogGuard"] = ConnectionString,
    };

    /// <summary>The same settings as environment variables, for a service started as a process.</summary>
    public Dictionary<string, string> Environment => new()
    {
        ["LogGuard__Database__Provider"] = Provider,
        ["ConnectionStrings__LogGuard"] = ConnectionString,
    };

    /// <summary>A context on this database, configured as the service configures its own.</summary>
    public LogGuardDbContext OpenContext()
    {
        var builder = new DbContextOptionsBuilder<LogGuardDbContext>();
        DataServiceCollectionExtensions.Configure(builder, Options, Path.GetTempPath());
        return new LogGuardDbContext(builder.Options);
    }

    public static TestDatabase Create(string provider) => provider switch
    {
        DatabaseProviders.Sqlite => CreateSqlite(),
        DatabaseProviders.Postgres => CreatePostgres(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
    };

    public void Dispose() => _remove();

    private static TestDatabase CreateSqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"logguard-test-{Guid.NewGuid():N}.db");
        return new TestDatabase(DatabaseProviders.Sqlite, $"Data Source={path}", () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        });
    }

    /// <summary>A new database on the given PostgreSQL cluster.</summary>
    public static TestDatabase CreateOn(PostgresServer server)
    {
        var name = server.CreateDatabase();
        return new TestDatabase(DatabaseProviders.Postgres, server.ConnectionString(name), () => server.DropDatabase(name));
    }

    private static TestDatabase CreatePostgres() => CreateOn(PostgresServer.Shared);
}
