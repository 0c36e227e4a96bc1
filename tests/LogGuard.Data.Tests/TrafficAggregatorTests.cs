using LogGuard.Core.Monitoring;
using LogGuard.Data.Monitoring;
using LogGuard.Testing.Databases;

namespace LogGuard.Data.Tests;

/// <summary>The window summary is computed by SQL; its figures are checked against values worked out by hand.</summary>
public sealed class TrafficAggregatorTests
{
    private static readonly DateTime WindowStart = new(2026, 3, 4, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime WindowEnd = WindowStart.AddMinutes(1);

    [Theory]
    [SqliteData]
    [PostgresData]
    public async Task SummariseAsync_Window_CountsOnlyItsRowsWithHandComputedFigures(string provider)
    {
        using var database = new MigratedDatabase(provider);
        await using (var db = database.Open())
        {
            db.PredictionLogs.AddRange(
                MigratedDatabase.Row(WindowStart.AddSeconds(-1)), // before the window
                MigratedDatabase.Row(WindowStart, "suspicious", 0.9, source: "web", format: "web_access"),
                MigratedDatabase.Row(WindowStart.AddSeconds(10), "normal", 0.4),
                MigratedDatabase.Row(WindowStart.AddSeconds(20), "normal", 0.8),
                MigratedDatabase.Row(WindowStart.AddSeconds(30), "suspicious", 0.3, source: "web", format: "web_access"),
                MigratedDatabase.Row(WindowEnd)); // the window's end is exclusive
            var disagreeing = MigratedDatabase.Row(WindowStart.AddSeconds(40), "normal", 0.6);
            disagreeing.RuleScore = 0.75; // the model said normal (0.1), the rules suspicious
            disagreeing.OutOfVocabularyCount = 2;
            db.PredictionLogs.Add(disagreeing);
            await db.SaveChangesAsync();
        }

        await using var read = database.Open();
        var summary = await new TrafficAggregator(new MonitoringOptions()).SummariseAsync(
            read, row => row.Timestamp >= WindowStart && row.Timestamp < WindowEnd, WindowStart, WindowEnd, null, CancellationToken.None);

        summary.Count.Should().Be(5);
        summary.PositiveCount.Should().Be(2);
        summary.MeanConfidence.Should().BeApproximately((0.9 + 0.4 + 0.8 + 0.3 + 0.6) / 5, 1e-9);
        var mean = 0.6;
        var variance = ((0.9 * 0.9) + (0.4 * 0.4) + (0.8 * 0.8) + (0.3 * 0.3) + (0.6 * 0.6)) / 5 - (mean * mean);
        summary.ConfidenceStdDev.Should().BeApproximately(Math.Sqrt(variance), 1e-9);
        summary.LowConfidenceCount.Should().Be(2, "0.4 and 0.3 are under the default 0.5");
        summary.ModelNormalRulesSuspicious.Should().Be(1);
        summary.ModelSuspiciousRulesNormal.Should().Be(2, "the two suspicious rows have model 0.9 and rule score 0");
        summary.TokenCount.Should().Be(20);
        summary.OutOfVocabularyCount.Should().Be(2);
        summary.SourceCounts.Should().Equal(new Dictionary<string, long> { ["web"] = 2, ["test"] = 3 });
        summary.FormatCounts.Should().Equal(new Dictionary<string, long> { ["web_access"] = 2, ["other"] = 3 });
        summary.LengthHistogram[LengthBuckets.Of(20)].Should().Be(5);
        summary.AcceptedRequests.Should().Be(5);
        summary.TokenFrequencies.Should().ContainKey(TrafficAggregator.OutOfVocabularyBucket).WhoseValue.Should().BeApproximately(0.1, 1e-6);
    }
}
