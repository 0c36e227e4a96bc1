using LogGuard.Data.Entities;
using LogGuard.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Data.Tests;

/// <summary>A real database of the given provider with the shipped migrations applied, removed when the test ends.</summary>
public sealed class MigratedDatabase : IDisposable
{
    private readonly TestDatabase _database;

    public MigratedDatabase(string provider)
    {
        _database = TestDatabase.Create(provider);
        using var db = Open();
        db.Database.Migrate();
    }

    public string Provider => _database.Provider;

    public LogGuardDbContext Open() => _database.OpenContext();

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

    public void Dispose() => _database.Dispose();
}
