using LogGuard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

// Scaffolds a migration for each provider (or the one named), as 'dotnet ef migrations add' would, without the global tool:
//   dotnet run --project src/LogGuard.Data.Design -- add <MigrationName> [Sqlite|Postgres]
if (args.Length is < 2 or > 3 || args[0] != "add")
{
    Console.Error.WriteLine("usage: dotnet run --project src/LogGuard.Data.Design -- add <MigrationName> [Sqlite|Postgres]");
    return 2;
}

#pragma warning disable EF1001 // The providers' design-time services are public only as "internal" API.
var repositoryRoot = Directory.GetCurrentDirectory();
var providers = new (DatabaseOptions Options, string Assembly, IDesignTimeServices DesignTime)[]
{
    (new DatabaseOptions { Provider = DatabaseProviders.Sqlite, ConnectionString = "Data Source=:memory:" },
     DatabaseProviders.SqliteMigrationsAssembly,
     new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices()),

    // Scaffolding never connects; the connection string only has to parse.
    (new DatabaseOptions { Provider = DatabaseProviders.Postgres, ConnectionString = "Host=localhost;Database=logguard" },
     DatabaseProviders.PostgresMigrationsAssembly,
     new Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices()),
};
#pragma warning restore EF1001

foreach (var (options, assembly, designTime) in providers.Where(p => args.Length == 2 || p.Options.Provider == args[2]))
{
    var builder = new DbContextOptionsBuilder<LogGuardDbContext>();
    DataServiceCollectionExtensions.Configure(builder, options, repositoryRoot);
    await using var db = new LogGuardDbContext(builder.Options);

    var services = new ServiceCollection();
    services.AddEntityFrameworkDesignTimeServices();
    services.AddDbContextDesignTimeServices(db);
    designTime.ConfigureDesignTimeServices(services);
    using var provider = services.BuildServiceProvider();

    var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(args[1], assembly, subNamespace: "Migrations", language: "C#");
    var projectDirectory = Path.Combine(repositoryRoot, "src", assembly);
    var files = scaffolder.Save(projectDirectory, migration, Path.Combine(projectDirectory, "Migrations"));
    Console.WriteLine($"{assembly}: wrote {Path.GetRelativePath(repositoryRoot, files.MigrationFile!)}");
}

return 0;
