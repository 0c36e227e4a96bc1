using LogGuard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

// Scaffolds a migration for each provider, as 'dotnet ef migrations add' would, without the global tool:
//   dotnet run --project src/LogGuard.Data.Design -- add <MigrationName>
if (args.Length != 2 || args[0] != "add")
{
    Console.Error.WriteLine("usage: dotnet run --project src/LogGuard.Data.Design -- add <MigrationName>");
    return 2;
}

var repositoryRoot = Directory.GetCurrentDirectory();
var providers = new[]
{
    (Options: new DatabaseOptions { Provider = DatabaseProviders.Sqlite, ConnectionString = "Data Source=:memory:" },
     Assembly: DatabaseProviders.SqliteMigrationsAssembly),
};

foreach (var (options, assembly) in providers)
{
    var builder = new DbContextOptionsBuilder<LogGuardDbContext>();
    DataServiceCollectionExtensions.Configure(builder, options, repositoryRoot);
    await using var db = new LogGuardDbContext(builder.Options);

    var services = new ServiceCollection();
    services.AddEntityFrameworkDesignTimeServices();
    services.AddDbContextDesignTimeServices(db);
#pragma warning disable EF1001 // The provider's design-time services are public only as "internal" API.
    new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
#pragma warning restore EF1001
    using var provider = services.BuildServiceProvider();

    var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(args[1], assembly, subNamespace: "Migrations", language: "C#");
    var projectDirectory = Path.Combine(repositoryRoot, "src", assembly);
    var files = scaffolder.Save(projectDirectory, migration, Path.Combine(projectDirectory, "Migrations"));
    Console.WriteLine($"{assembly}: wrote {Path.GetRelativePath(repositoryRoot, files.MigrationFile!)}");
}

return 0;
