using System.Data.Common;

namespace LogGuard.Data;

public static class StoreFailures
{
    /// <summary>
    /// True when the database could not be reached or was briefly unable to answer (the server is down or
    /// restarting, the connection dropped, the file is locked): a retry may succeed, unlike a bug in a query.
    /// EF wraps some of these, so the whole chain is searched.
    /// </summary>
    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { IsTransient: true } or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a write broke a unique index: another writer got there first.</summary>
    public static bool IsUniqueViolation(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: SqliteUniqueConstraint or SqlitePrimaryKeyConstraint }
                or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                return true;
            }
        }

        return false;
    }

    private const int SqliteUniqueConstraint = 2067; // SQLITE_CONSTRAINT_UNIQUE
    private const int SqlitePrimaryKeyConstraint = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY
}
