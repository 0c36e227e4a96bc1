using LogGuard.Data.Monitoring;

namespace LogGuard.Api.Monitoring;

/// <summary>Replays the stored monitor runs through the state machine and reports whether the stored transitions match.</summary>
public static class ReplayCommand
{
    public static async Task<int> RunAsync(WebApplication app)
    {
        // Migrations are applied by a hosted service; the replay only reads, so it needs the schema but not the server.
        var migrator = app.Services.GetServices<IHostedService>().OfType<LogGuard.Data.DatabaseMigrator>().Single();
        await migrator.StartAsync(CancellationToken.None);
        var report = await app.Services.GetRequiredService<ReplayService>().ReplayAsync(CancellationToken.None);
        Console.WriteLine($"runs: {report.Runs}, stored transitions: {report.StoredTransitions}, replayed transitions: {report.ReplayedTransitions}");
        foreach (var mismatch in report.Mismatches)
        {
            Console.WriteLine("mismatch: " + mismatch);
        }

        Console.WriteLine(report.Matches ? "replay matches the stored transitions" : "replay DIFFERS from the stored transitions");
        return report.Matches ? 0 : 3;
    }
}
