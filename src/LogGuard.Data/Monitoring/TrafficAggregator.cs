using System.Linq.Expressions;
using LogGuard.Core.Detection.Preprocessing;
using LogGuard.Core.Monitoring;
using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Data.Monitoring;

/// <summary>
/// Summarises a set of audit rows with SQL aggregates over an indexed range, so a run costs what its window
/// holds, not what the table holds. Only the token distribution reads lines, from a bounded sample.
/// </summary>
public sealed class TrafficAggregator(MonitoringOptions options)
{
    public const string OutOfVocabularyBucket = "<oov>";
    public const string OtherBucket = "<other>";
    public const int TopTokens = 50;

    private const double Threshold = 0.5;

    /// <param name="tokenBuckets">The baseline's token buckets; null when building a baseline (its own top tokens are taken).</param>
    public async Task<TrafficSummary> SummariseAsync(
        LogGuardDbContext db,
        Expression<Func<PredictionLog, bool>> rows,
        DateTime periodStart,
        DateTime periodEnd,
        IReadOnlyCollection<string>? tokenBuckets,
        CancellationToken cancellationToken)
    {
        var selected = db.PredictionLogs.AsNoTracking().Where(rows);
        var low = options.LowConfidence;
        var totals = await selected.GroupBy(_ => 1).Select(g => new
        {
            Count = g.LongCount(),
            Confidence = g.Sum(r => r.Confidence),
            ConfidenceSquares = g.Sum(r => r.Confidence * r.Confidence),
            Low = g.LongCount(r => r.Confidence < low),
            Positive = g.LongCount(r => r.Label == "suspicious"),
            Scored = g.LongCount(r => r.ModelProbability != null),
            ModelNormalRulesSuspicious = g.LongCount(r => r.ModelProbability < Threshold && r.RuleScore >= Threshold),
            ModelSuspiciousRulesNormal = g.LongCount(r => r.ModelProbability >= Threshold && r.RuleScore < Threshold),
            Tokens = g.Sum(r => (long)r.TokenCount),
            OutOfVocabulary = g.Sum(r => (long)r.OutOfVocabularyCount),
            Requests = g.Select(r => r.RequestId).Distinct().LongCount(),
        }).SingleOrDefaultAsync(cancellationToken);

        var lengths = await selected.GroupBy(r => r.LineLength).Select(g => new { Length = g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        var histogram = new long[LengthBuckets.UpperBounds.Length];
        foreach (var length in lengths)
        {
            histogram[LengthBuckets.Of(length.Length)] += length.Count;
        }

        var sources = await selected.GroupBy(r => r.Source ?? "").Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var formats = await selected.GroupBy(r => r.Format).Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var rejected = await db.RejectionCounts.AsNoTracking()
            .Where(r => r.BucketStart >= periodStart && r.BucketStart < periodEnd)
            .SumAsync(r => (long?)r.Count, cancellationToken) ?? 0;

        var count = totals?.Count ?? 0;
        var mean = count == 0 ? 0 : totals!.Confidence / count;
        var variance = count < 2 ? 0 : Math.Max(0, (totals!.ConfidenceSquares / count) - (mean * mean));
        return new TrafficSummary
        {
            Count = count,
            MeanConfidence = mean,
            ConfidenceStdDev = Math.Sqrt(variance),
            LowConfidenceCount = totals?.Low ?? 0,
            PositiveCount = totals?.Positive ?? 0,
            ModelScoredCount = totals?.Scored ?? 0,
            ModelNormalRulesSuspicious = totals?.ModelNormalRulesSuspicious ?? 0,
            ModelSuspiciousRulesNormal = totals?.ModelSuspiciousRulesNormal ?? 0,
            TokenCount = totals?.Tokens ?? 0,
            OutOfVocabularyCount = totals?.OutOfVocabulary ?? 0,
            LengthHistogram = histogram,
            TokenFrequencies = await TokenFrequenciesAsync(selected, totals?.Tokens ?? 0, totals?.OutOfVocabulary ?? 0, tokenBuckets, cancellationToken),
            SourceCounts = sources,
            FormatCounts = formats,
            AcceptedRequests = totals?.Requests ?? 0,
            RejectedRequests = rejected,
        }.WithLabels(await CountLabelledAsync(db, rows, cancellationToken));
    }

    /// <summary>
    /// How many of the rows people have labelled, and how many of those the service got wrong. Labels arrive after
    /// the verdicts, so a frozen baseline's labelled counts are recounted at every run from its period's rows.
    /// </summary>
    public static async Task<(long Labelled, long Errors)> CountLabelledAsync(
        LogGuardDbContext db, Expression<Func<PredictionLog, bool>> rows, CancellationToken cancellationToken)
    {
        var counts = await (from feedback in db.Feedback.AsNoTracking()
                            where feedback.SupersededAt == null
                            join log in db.PredictionLogs.AsNoTracking().Where(rows) on feedback.PredictionId equals log.Id
                            group new { Wrong = log.Label != feedback.Label } by 1 into labelled
                            select new { Labelled = labelled.LongCount(), Errors = labelled.LongCount(item => item.Wrong) })
            .SingleOrDefaultAsync(cancellationToken);
        return (counts?.Labelled ?? 0, counts?.Errors ?? 0);
    }

    // Tokens are not stored per row; they are recounted from the masked lines of a bounded sample.
    private async Task<IReadOnlyDictionary<string, double>> TokenFrequenciesAsync(
        IQueryable<PredictionLog> selected, long tokens, long outOfVocabulary, IReadOnlyCollection<string>? buckets, CancellationToken cancellationToken)
    {
        var summaries = await selected.OrderByDescending(r => r.Id).Take(options.TokenSampleSize).Select(r => r.InputSummary).ToListAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        foreach (var summary in summaries)
        {
            var masked = Audit.InputSummaries.MaskedLine(summary);
            foreach (var token in ModelText.Tokens(ModelText.Of(masked)))
            {
                counts[token] = counts.GetValueOrDefault(token) + 1;
                total++;
            }
        }

        // The OOV share comes from the exact counts; the sample spreads the rest over the tokens.
        var oovShare = tokens == 0 ? 0 : (double)outOfVocabulary / tokens;
        var known = buckets?.Where(bucket => bucket is not OutOfVocabularyBucket and not OtherBucket).ToHashSet(StringComparer.Ordinal)
            ?? counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(TopTokens).Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        var frequencies = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var token in known)
        {
            frequencies[token] = total == 0 ? 0 : Math.Round((1 - oovShare) * counts.GetValueOrDefault(token) / total, 6);
        }

        frequencies[OutOfVocabularyBucket] = Math.Round(oovShare, 6);
        frequencies[OtherBucket] = Math.Round(Math.Max(0, 1 - frequencies.Values.Sum()), 6);
        return frequencies;
    }
}
