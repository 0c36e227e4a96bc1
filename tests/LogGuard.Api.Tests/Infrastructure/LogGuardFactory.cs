using LogGuard.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LogGuard.Api.Tests.Infrastructure;

/// <summary>
/// The real service over the real HTTP pipeline, with its own SQLite file, the shipped rules and model
/// (unless a test points elsewhere), and any setting a test overrides.
/// </summary>
public sealed class LogGuardFactory(
    Dictionary<string, string?>? settings = null,
    string? databasePath = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    private readonly bool _ownsDatabase = databasePath is null;

    public string DatabasePath { get; } = databasePath ?? Path.Combine(Path.GetTempPath(), $"logguard-test-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var values = new Dictionary<string, string?>
        {
            ["LogGuard:Database:ConnectionString"] = $"Data Source={DatabasePath}",
            ["LogGuard:Model:Directory"] = RepositoryPaths.Models,
            ["LogGuard:Rules:FilePath"] = RepositoryPaths.RulesFile,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["LogGuard:Monitoring:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(values));
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    public async Task<T> QueryAsync<T>(Func<LogGuardDbContext, Task<T>> query)
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<LogGuardDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await query(db);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            // A database a test named itself (to reopen it) is the test's to remove.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    public Task ExecuteSqlAsync(string sql) => QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));
}
