using System.Reflection;
using LogGuard.Data;
using Xunit.Sdk;

namespace LogGuard.Testing.Databases;

/// <summary>Runs a theory against SQLite: its one argument is the provider's name.</summary>
public sealed class SqliteDataAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProviders.Sqlite]];
}

/// <summary>
/// Runs a theory against PostgreSQL, on the throwaway cluster; skipped, saying how to install the server, where
/// its binaries are absent.
/// </summary>
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute()
    {
        Skip = PostgresServer.UnavailableReason;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProviders.Postgres]];
}
