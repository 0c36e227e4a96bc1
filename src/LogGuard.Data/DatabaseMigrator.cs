using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LogGuard.Data;

/// <summary>Applies pending migrations before the server accepts requests.</summary>
public sealed partial class DatabaseMigrator(IDbContextFactory<LogGuardDbContext> contexts, ILogger<DatabaseMigrator> logger) : IHostedService
{
    // Any fixed number; instances of LogGuard agree on it, nothing else on the server should use it.
    private const long PostgresMigrationLock = 0x4C6F6747756172;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            EnsureSqliteFolder(db.Database.GetConnectionString());
            await MigrateAsync(db, cancellationToken);
            return;
        }

        // Instances started together would otherwise apply the same migration at once. The lock belongs to the
        // session, so the connection stays open until it is released (or the session ends, if this process dies).
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({PostgresMigrationLock})", cancellationToken);
        try
        {
            await MigrateAsync(db, cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({PostgresMigrationLock})", CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(LogGuardDbContext db, CancellationToken cancellationToken)
    {
        // On an empty database EF reads the history table before creating it and logs that failed read as an
        // error; creating it first keeps first starts clean. The script is idempotent (CREATE TABLE IF NOT EXISTS),
        // so it runs every time rather than trust the provider's existence check, which answers for the database.
        var history = db.GetService<IHistoryRepository>();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers (dashboards, the monitor) run beside the writer; the mode persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        LogMigrated(logger, pending.Count, db.Database.ProviderName ?? "unknown");
    }

    private static void EnsureSqliteFolder(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider}); {Count} migrations applied")]
    private static partial void LogMigrated(ILogger logger, int count, string provider);
}
