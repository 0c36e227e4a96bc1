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
}
