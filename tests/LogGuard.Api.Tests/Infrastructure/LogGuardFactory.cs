using LogGuard.Data;
using LogGuard.Testing.Databases;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LogGuard.Api.Tests.Infrastructure;

/// <summary>
/// The real service over the real HTTP pipeline, with a database of its own (SQLite unless a test names another
/// provider), the shipped rules and model (unless a test points elsewhere), and any setting a test overrides.
/// </summary>
public sealed class LogGuardFactory(
    Dictionary<string, string?>? settings = null,
    string provider = DatabaseProviders.Sqlite,
    TestDatabase? database = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    private readonly bool _ownsDatabase = database is null;

    /// <summary>The database the service uses; a test that passed its own (to reopen it) disposes it itself.</summary>
    public TestDatabase Database { get; } = database ?? TestDatabase.Create(provider);

    public string Provider => Database.Provider;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var values = new Dictionary<string, string?>(Database.Settings)
        {
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

    public Task ExecuteSqlAsync(string sql) => QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            Database.Dispose();
        }
    }
}
