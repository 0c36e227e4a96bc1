using Microsoft.EntityFrameworkCore;

namespace LogGuard.Data.Tests;

public sealed class DatabaseProviderTests
{
    [Fact]
    public void Configure_UnknownProvider_FailsNamingItAndTheSupportedOnes()
    {
        var configure = () => DataServiceCollectionExtensions.Configure(
            new DbContextOptionsBuilder<LogGuardDbContext>(), new DatabaseOptions { Provider = "Oracle" }, Path.GetTempPath());

        configure.Should().Throw<InvalidOperationException>().WithMessage("*'Oracle'*'Sqlite'*");
    }
}
