using LogGuard.Core.Detection.Model;
using LogGuard.Core.Monitoring;
using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Data.Monitoring;

/// <summary>Finds, freezes and rebuilds the baseline a model version is compared with.</summary>
public sealed class BaselineStore(TrafficAggregator aggregator, MonitoringOptions options, TimeProvider time)
{
    /// <summary>A baseline frozen from predictions of a period.</summary>
    public const string TrafficOrigin = "traffic";

    /// <summary>A baseline seeded from the held-out statistics training wrote.</summary>
    public const string TrainingOrigin = "training";

    public static Task<BaselineRecord?> ActiveAsync(LogGuardDbContext db, string modelVersion, CancellationToken cancellationToken) =>
        db.Baselines.AsNoTracking().Where(row => row.ModelVersion == modelVersion).OrderByDescending(row => row.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The first BaselineSize predictions of the version become its baseline, once there are that many.</summary>
    public async Task<BaselineRecord?> FreezeFromFirstPredictionsAsync(LogGuardDbContext db, string modelVersion, CancellationToken cancellationToken)
    {
        var lastId = await db.PredictionLogs.AsNoTracking().Where(row => row.ModelVersion == modelVersion)
            .OrderBy(row => row.Id).Skip(options.BaselineSize - 1).Select(row => (long?)row.Id).FirstOrDefaultAsync(cancellationToken);
        if (lastId is null)
        {
            return null;
        }

        var period = await db.PredictionLogs.AsNoTracking().Where(row => row.ModelVersion == modelVersion && row.Id <= lastId)
            .GroupBy(_ => 1).Select(g => new { Start = g.Min(r => r.Timestamp), End = g.Max(r => r.Timestamp) }).SingleAsync(cancellationToken);
        return await SaveAsync(db, modelVersion, TrafficOrigin, row => row.ModelVersion == modelVersion && row.Id <= lastId, period.Start, period.End, cancellationToken);
    }

    /// <summary>An operator's rebuild from the predictions of a chosen period.</summary>
    public Task<BaselineRecord> RebuildFromPeriodAsync(LogGuardDbContext db, string modelVersion, DateTime start, DateTime end, CancellationToken cancellationToken) =>
        SaveAsync(db, modelVersion, TrafficOrigin, row => row.ModelVersion == modelVersion && row.Timestamp >= start && row.Timestamp < end, start, end, cancellationToken);

    /// <summary>An operator's seed from the held-out statistics training wrote beside the model.</summary>
    public async Task<BaselineRecord> SeedFromTrainingAsync(LogGuardDbContext db, ModelMetadata metadata, CancellationToken cancellationToken)
    {
        var held = metadata.HeldOutStatistics;
        var tokens = held.TopTokenFrequencies.ToDictionary(
            pair => pair.Key == "<other>" ? TrafficAggregator.OtherBucket : pair.Key, pair => pair.Value, StringComparer.Ordinal);
        tokens[TrafficAggregator.OutOfVocabularyBucket] = held.OutOfVocabularyRate;
        var summary = new TrafficSummary
        {
            Count = held.SampleSize,
            MeanConfidence = held.MeanConfidence,
            // Training records no spread; for a value in [0, 1] with this mean, m(1 − m) bounds the variance from above.
            ConfidenceStdDev = Math.Sqrt(Math.Max(held.MeanConfidence * (1 - held.MeanConfidence), 1e-4)),
            LowConfidenceCount = (long)Math.Round(held.LowConfidenceRate * held.SampleSize),
            PositiveCount = (long)Math.Round(held.PositiveRate * held.SampleSize),
            ModelScoredCount = 0, // training records no rule/model disagreement: those signals wait for a traffic baseline
            ModelNormalRulesSuspicious = 0,
            ModelSuspiciousRulesNormal = 0,
            // Training records the OOV share but not the token count: the share sits in the token distribution,
            // and the count-based OOV test waits for a traffic baseline.
            TokenCount = 0,
            OutOfVocabularyCount = 0,
            LengthHistogram = new long[LengthBuckets.UpperBounds.Length],
            TokenFrequencies = tokens,
            SourceCounts = new Dictionary<string, long>(),
            FormatCounts = new Dictionary<string, long>(),
            AcceptedRequests = 0,
            RejectedRequests = 0,
        };
        var now = time.GetUtcNow().UtcDateTime;
        var record = await InsertAsync(db, metadata.Version, TrainingOrigin, summary, metadata.TrainedAt.UtcDateTime, metadata.TrainedAt.UtcDateTime, now, cancellationToken);
        record.OutOfVocabularyRate = held.OutOfVocabularyRate;
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    private async Task<BaselineRecord> SaveAsync(
        LogGuardDbContext db, string modelVersion, string origin, System.Linq.Expressions.Expression<Func<PredictionLog, bool>> rows,
        DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var summary = await aggregator.SummariseAsync(db, rows, start, end, tokenBuckets: null, cancellationToken);
        return await InsertAsync(db, modelVersion, origin, summary, start, end, time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    private static async Task<BaselineRecord> InsertAsync(
        LogGuardDbContext db, string modelVersion, string origin, TrafficSummary summary, DateTime start, DateTime end, DateTime now, CancellationToken cancellationToken)
    {
        var record = new BaselineRecord
        {
            ModelVersion = modelVersion,
            CreatedAt = now,
            SampleSize = summary.Count,
            PeriodStart = start,
            PeriodEnd = end,
            Origin = origin,
            MeanConfidence = summary.MeanConfidence,
            LowConfidenceRate = summary.LowConfidenceRate,
            PositiveRate = summary.PositiveRate,
            OutOfVocabularyRate = summary.OutOfVocabularyRate,
            Summary = MonitorJson.Write(summary),
        };
        db.Baselines.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }
}
