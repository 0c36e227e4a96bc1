using System.Net;
using System.Runtime.CompilerServices;
using LogGuard.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace LogGuard.Api.Tests;

/// <summary>
/// A stopped service lets go of what it built. A process that starts and stops services (this test run is one)
/// must not keep each one's rules, model and pipeline for its whole life.
/// </summary>
public sealed class HostLifetimeTests
{
    [Fact]
    public async Task StoppedService_ThatRateLimitedItsClients_CanBeCollected()
    {
        StartSqlitePoolOutsideAnyService();
        var services = await ServeAndStopAsync();

        for (var attempt = 0; attempt < 5 && services.IsAlive; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Yield();
        }

        services.IsAlive.Should().BeFalse("once the service has stopped, nothing of the process, a limiter's timer included, may still reach it");
    }

    // Microsoft.Data.Sqlite starts its process-wide pool-pruning timer on first use, and the timer keeps the
    // execution context it started in. Started inside a service, it would hold that one service: once, not per
    // service, so it is started here, outside any.
    private static void StartSqlitePoolOutsideAnyService()
    {
        var file = Path.Combine(Path.GetTempPath(), $"logguard-pool-{Guid.NewGuid():N}.db");
        using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            connection.Open();
        }

        SqliteConnection.ClearAllPools();
        File.Delete(file);
    }

    // Not inlined, so that no local of the caller's frame keeps the service reachable.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> ServeAndStopAsync()
    {
        using var factory = new LogGuardFactory(new() { ["LogGuard:RateLimit:RequestsPerSecond"] = "100" });
        var response = await factory.CreateClient().PostLinesAsync(["GET /index.html 200"]);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return new WeakReference(factory.Services);
    }
}
