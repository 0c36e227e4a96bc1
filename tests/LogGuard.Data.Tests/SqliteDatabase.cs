using LogGuard.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Data.Tests;

/// <summary>A real SQLite file with the shipped migrations applied, removed when the test ends.</summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"logguard-data-test-{Guid.NewGuid():N}.db");
    private readonly DbContextOptions<LogGuardDbContext> _options;

    public SqliteDatabase()
    {
        var builder = new DbContextOptionsBuilder<LogGuardDbContext>();
        DataServiceCollectionExtensions.Configure(builder, new DatabaseOptions { ConnectionString = $"Data Source={_path}" }, Path.GetTempPath());
        _options = builder.Options;
        using var db = Open();
        db.Database.Migrate();
    }

    public LogGuardDbContext Open() => new(_options);

    public static PredictionLog Row(DateTime at, string label = "normal", double confidence = 0.8, string source = "test", string format = "other") => new()
    {
        Timestamp = at,
        RequestId = "req-" + at.Ticks,
        Source = source,
        ModelVersion = "sdca-test",
        RulesVersion = "rules-test",
        SystemState = "NORMAL",
        DecidedBy = "model",
        Label = label,
        Score = label == "suspicious" ? 0.9 : 0.1,
        Confidence = confidence,
        ModelProbability = label == "suspicious" ? 0.9 : 0.1,
        TriggeredRuleIds = "",
        LineLength = 20,
        TokenCount = 4,
        Format = format,
        InputSummary = """{"masked":"user login ok today","masks":{}}""",
    };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
