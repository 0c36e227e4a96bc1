using System.Diagnostics;
using System.Globalization;
using LogGuard.Core.Monitoring;
using LogGuard.Data;
using LogGuard.Data.Entities;
using LogGuard.Data.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Benchmarks;

/// <summary>
/// What one monitor run costs as the audit table grows: the table is filled to each size (a month of history
/// before a last minute of 5,000 rows), and the window summary over that minute, the monitor's database work, is
/// timed. A run must cost what its window holds, not what the table holds.
/// </summary>
internal static class MonitorScale
{
    private const int WindowRows = 5_000;
    private const int Repetitions = 5;
    private const int InsertBatch = 20_000;

    private static readonly string[] Sources = ["web", "auth", "orders", "gateway", "kernel"];
    private static readonly string[] Formats = ["web_access", "syslog", "json", "key_value", "other"];

    public static async Task<int> RunAsync(string provider, string connectionString, IReadOnlyList<long> sizes)
    {
        var builder = new DbContextOptionsBuilder<LogGuardDbContext>();
        DataServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = provider, ConnectionString = connectionString }, Directory.GetCurrentDirectory());
        await using (var db = new LogGuardDbContext(builder.Options))
        {
            await db.Database.MigrateAsync();
            if (await db.PredictionLogs.AnyAsync())
            {
                Console.Error.WriteLine("The database must start empty: the rows are generated here.");
                return 2;
            }
        }

        var writer = DataServiceCollectionExtensions.CreateAuditWriter(provider);
        var windowEnd = StoredInstant.Of(DateTime.UtcNow);
        var windowStart = windowEnd.AddMinutes(-1);
        var historyStart = windowEnd.AddDays(-30);
        var random = new Random(7);
        long stored = 0;

        await InsertAsync(builder, writer, WindowRows, i => windowStart.AddTicks(i * (TimeSpan.TicksPerMinute / WindowRows)), random);
        stored += WindowRows;
        Console.WriteLine($"| {provider} rows | window summary (median of {Repetitions}) | query plan for the window |");
        Console.WriteLine("|---:|---:|---|");
        foreach (var size in sizes.Order())
        {
            var missing = size - stored;
            var history = (windowStart - historyStart).Ticks;
            await InsertAsync(builder, writer, missing, _ => historyStart.AddTicks((long)(random.NextDouble() * history)), random);
            stored = size;

            var timings = new List<double>();
            for (var repetition = 0; repetition < Repetitions; repetition++)
            {
                await using var db = new LogGuardDbContext(builder.Options);
                var watch = Stopwatch.StartNew();
                var summary = await new TrafficAggregator(new MonitoringOptions()).SummariseAsync(
                    db, row => row.Timestamp >= windowStart && row.Timestamp < windowEnd, windowStart, windowEnd, null, CancellationToken.None);
                timings.Add(watch.Elapsed.TotalMilliseconds);
                if (summary.Count != WindowRows)
                {
                    throw new InvalidOperationException($"The window held {summary.Count} rows, not {WindowRows}.");
                }
            }

            var median = timings.Order().ElementAt(Repetitions / 2);
            var plan = await PlanAsync(builder, provider, windowStart, windowEnd);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {size:N0} | {median:F1} ms | {plan} |"));
        }

        return 0;
    }

    private static async Task InsertAsync(DbContextOptionsBuilder<LogGuardDbContext> builder, Data.Audit.IAuditBatchWriter writer, long count, Func<long, DateTime> at, Random random)
    {
        for (long done = 0; done < count; done += InsertBatch)
        {
            var rows = Enumerable.Range(0, (int)Math.Min(InsertBatch, count - done)).Select(i => Row(at(done + i), random)).ToList();
            await using var db = new LogGuardDbContext(builder.Options);
            await writer.WriteAsync(db, rows, CancellationToken.None);
        }
    }

    private static PredictionLog Row(DateTime at, Random random)
    {
        var suspicious = random.NextDouble() < 0.1;
        var probability = suspicious ? 0.6 + (random.NextDouble() * 0.4) : random.NextDouble() * 0.4;
        var line = $"request {random.Next(1_000_000)} from <ip> served in {random.Next(900)}ms user{random.Next(5000)} ok";
        return new PredictionLog
        {
            Timestamp = at,
            RequestId = "bench-" + random.Next(1_000_000).ToString(CultureInfo.InvariantCulture),
            Source = Sources[random.Next(Sources.Length)],
            ModelVersion = "sdca-bench",
            RulesVersion = "bench",
            SystemState = "NORMAL",
            DecidedBy = "model",
            Label = suspicious ? "suspicious" : "normal",
            Score = probability,
            Confidence = Math.Abs((2 * probability) - 1),
            ModelProbability = probability,
            RuleScore = suspicious && random.NextDouble() < 0.5 ? 0.75 : 0,
            TriggeredRuleIds = "",
            LineLength = line.Length + random.Next(200),
            TokenCount = 12,
            OutOfVocabularyCount = random.Next(3),
            Format = Formats[random.Next(Formats.Length)],
            InputSummary = $$$"""{"masked":"{{{line}}}","masks":{"ip":1}}""",
        };
    }

    // The plan the database chose for the window's count, to show it reads the timestamp index, not the table.
    private static async Task<string> PlanAsync(DbContextOptionsBuilder<LogGuardDbContext> builder, string provider, DateTime from, DateTime to)
    {
        await using var db = new LogGuardDbContext(builder.Options);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProviders.Postgres
            ? "EXPLAIN SELECT count(*) FROM prediction_logs WHERE timestamp >= @from AND timestamp < @to"
            : "EXPLAIN QUERY PLAN SELECT count(*) FROM prediction_logs WHERE timestamp >= @from AND timestamp < @to";
        foreach (var (name, value) in new[] { ("@from", from), ("@to", to) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = provider == DatabaseProviders.Postgres ? value : value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetValue(reader.FieldCount - 1).ToString()!.Trim());
        }

        return string.Join("; ", plan.Where(line => line.Contains("Index", StringComparison.OrdinalIgnoreCase) || line.Contains("INDEX", StringComparison.Ordinal)).DefaultIfEmpty(plan.FirstOrDefault() ?? ""));
    }
}
