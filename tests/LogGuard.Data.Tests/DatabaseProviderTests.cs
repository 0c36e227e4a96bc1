using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Data.Tests;

public sealed class DatabaseProviderTests
{
    [Fact]
    public void Configure_UnknownProvider_FailsNamingItAndTheSupportedOnes()
    {
        var configure = () => DataServiceCollectionExtensions.Configure(
            new DbContextOptionsBuilder<LogGuardDbContext>(), new DatabaseOptions { Provider = "Oracle", ConnectionString = "x" }, Path.GetTempPath());

        configure.Should().Throw<InvalidOperationException>().WithMessage("*'Oracle'*'Sqlite'*'Postgres'*");
    }

    [Fact]
    public void Validate_PostgresWithoutConnectionString_NamesTheSettingToSet()
    {
        var results = new DatabaseOptions { Provider = DatabaseProviders.Postgres }.Validate(new(new object())).ToList();

        results.Should().ContainSingle().Which.ErrorMessage.Should().Contain("ConnectionStrings:LogGuard").And.Contain("ConnectionStrings__LogGuard");
    }

    [Fact]
    public void EffectiveConnectionString_SqliteWithoutOne_IsTheFileUnderData()
    {
        new DatabaseOptions().EffectiveConnectionString.Should().Be(DatabaseOptions.DefaultSqliteConnectionString);
    }

    // The two providers' migrations are written separately; this keeps each in step with the one model.
    [Theory]
    [SqliteData]
    [PostgresData]
    public void Migrations_AppliedToAnEmptyDatabase_LeaveNoModelChangePending(string provider)
    {
        using var database = new MigratedDatabase(provider);
        using var db = database.Open();

        db.Database.GetPendingMigrations().Should().BeEmpty();
        db.Database.HasPendingModelChanges().Should().BeFalse($"every change to the model needs a migration for {provider} too");
    }

    [Theory]
    [PostgresData]
    public void Migrations_Postgres_CreateTheClusteredSchedulersTables(string provider)
    {
        using var database = new MigratedDatabase(provider);
        using var db = database.Open();

        var tables = db.Database.SqlQueryRaw<string>("SELECT tablename AS \"Value\" FROM pg_tables WHERE tablename LIKE 'qrtz\\_%'").ToList();

        tables.Should().Contain(["qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "qrtz_fired_triggers", "qrtz_scheduler_state", "qrtz_locks"]);
    }
}
