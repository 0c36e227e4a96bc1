using LogGuard.Data.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LogGuard.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The audit store: the context for the configured provider, migrations at start, and the group-commit writer.</summary>
    public static IHostApplicationBuilder AddLogGuardData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(SectionPath(DatabaseOptions.SectionName))
            .PostConfigure<IConfiguration>((database, configuration) =>
            {
                // The conventional place for a connection string wins, so ConnectionStrings__LogGuard works as users expect.
                database.ConnectionString = ReadDatabaseOptions(configuration).ConnectionString;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<AuditOptions>().BindConfiguration(SectionPath(AuditOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddPooledDbContextFactory<LogGuardDbContext>((services, options) =>
        {
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            Configure(options, database, contentRoot);
        });

        builder.Services.AddSingleton(services => CreateAuditWriter(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider));
        builder.Services.AddSingleton<AuditQueue>();
        builder.Services.AddSingleton<AuditMetrics>();
        builder.Services.AddSingleton<RejectionCounter>();
        builder.Services.AddSingleton<SystemStateCache>();
        builder.Services.AddSingleton<Idempotency.IdempotencyStore>();
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddHostedService<AuditWriterService>();
        return builder;
    }

    /// <summary>
    /// The database settings as the options system will bind them, for the few registrations that must choose at
    /// start-up rather than on first use (the scheduler's job store).
    /// </summary>
    public static DatabaseOptions ReadDatabaseOptions(IConfiguration configuration)
    {
        var database = configuration.GetSection(SectionPath(DatabaseOptions.SectionName)).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (configuration.GetConnectionString(DatabaseProviders.ConnectionStringName) is { Length: > 0 } connectionString)
        {
            database.ConnectionString = connectionString;
        }

        return database;
    }

    /// <summary>Every LogGuard setting lives under the <c>LogGuard</c> section (environment: <c>LogGuard__Section__Key</c>).</summary>
    public static string SectionPath(string section) => $"LogGuard:{section}";

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database, string contentRoot) =>
        ProviderFor(database.Provider).UseDatabase(options, database.EffectiveConnectionString, contentRoot);

    internal static IAuditBatchWriter CreateAuditWriter(string provider) => ProviderFor(provider).CreateAuditWriter();

    // The one place a provider is chosen: how contexts connect, and which fast path writes audit batches.
    private static DatabaseProvider ProviderFor(string name) => name switch
    {
        DatabaseProviders.Sqlite => new(
            (options, connectionString, contentRoot) => options.UseSqlite(
                ResolveSqlitePath(connectionString, contentRoot), sqlite => sqlite.MigrationsAssembly(DatabaseProviders.SqliteMigrationsAssembly)),
            () => new SqliteAuditBatchWriter()),
        DatabaseProviders.Postgres => new(
            (options, connectionString, _) => options.UseNpgsql(
                connectionString, postgres => postgres.MigrationsAssembly(DatabaseProviders.PostgresMigrationsAssembly)),
            () => new PostgresAuditBatchWriter()),
        _ => throw new InvalidOperationException(
            $"Database provider '{name}' is not supported; use '{DatabaseProviders.Sqlite}' or '{DatabaseProviders.Postgres}'."),
    };

    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource) && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        return builder.ToString();
    }

    private sealed record DatabaseProvider(Action<DbContextOptionsBuilder, string, string> UseDatabase, Func<IAuditBatchWriter> CreateAuditWriter);
}
