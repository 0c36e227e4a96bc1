using LogGuard.Api.Security;
using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Rules;
using LogGuard.Core.Evaluation;
using LogGuard.Data;
using LogGuard.Data.Analysis;
using LogGuard.Data.Audit;
using LogGuard.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LogGuard.Api.Analysis;

public static class AnalysisApi
{
    public const int DefaultReviewLimit = 50;

    public static IEndpointRouteBuilder MapAnalysisApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/analysis").WithTags("Analysis").RequireClientAccess();
        group.MapGet("/quality", GetQualityAsync).WithName("GetQuality").WithSummary("Live quality from people's labels")
            .WithDescription(
                "For the rules, the model and the hybrid, over the labelled predictions of a period (from, to in UTC; optional source): "
                + "counts, precision, recall, F1 and false-positive rate with 95% Wilson intervals, and the same per slice "
                + "(source, format, level, rule category, length) with hotspots: slices significantly worse than the rest after Benjamini–Hochberg.")
            .ProducesValidationProblem();
        group.MapGet("/review-queue", GetReviewQueueAsync).WithName("GetReviewQueue").WithSummary("Unlabelled predictions to look at next")
            .WithDescription(
                "From the last Analysis:ReviewWindowHours: needsReview first, then rules/model disagreement, then the model probability "
                + "closest to the threshold; taken in turn from each source so one noisy source cannot fill it. limit: 1 to Analysis:ReviewMaxLimit (default 50).")
            .ProducesValidationProblem();
        group.MapGet("/recent-suspicious", RecentSuspicious.GetAsync).WithName("GetRecentSuspicious").WithSummary("The newest suspicious lines")
            .WithDescription("Newest first, masked as stored, with the rules that fired; limit from 1 to 100 (default 20).")
            .ProducesValidationProblem();
        return app;
    }

    internal static async Task<Results<Ok<QualityResponse>, ValidationProblem>> GetQualityAsync(
        DateTimeOffset? from,
        DateTimeOffset? to,
        string? source,
        IDbContextFactory<LogGuardDbContext> contexts,
        RuleSet rules,
        IOptions<HybridOptions> hybrid,
        IOptions<AnalysisOptions> options,
        CancellationToken cancellationToken)
    {
        if (from is { } start && to is { } end && start >= end)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["from must be earlier than to"] });
        }

        var limit = options.Value.MaxLabelledRows;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var labelled = await LabelledPredictions.ReadAsync(db, from?.UtcDateTime, to?.UtcDateTime, source, limit + 1, cancellationToken);
        var truncated = labelled.Count > limit;
        if (truncated)
        {
            labelled.RemoveAt(labelled.Count - 1);
        }

        var slices = new QualitySlices(rules);
        var verdicts = labelled.Select(prediction => new LabelledVerdict(
            prediction.TrueLabel == "suspicious",
            prediction.RuleScore,
            prediction.ModelProbability,
            prediction.Label == "suspicious",
            prediction.Score,
            slices.Of(prediction))
        {
            ChallengerProbability = prediction.ChallengerProbability,
        }).ToList();
        var qualities = LiveQuality.Compute(verdicts, hybrid.Value, new SliceOptions { MinimumSize = options.Value.SliceMinimumSize });
        return TypedResults.Ok(new QualityResponse(from?.UtcDateTime, to?.UtcDateTime, source, labelled.Count, truncated, [.. qualities.Select(View)]));
    }

    internal static async Task<Results<Ok<ReviewQueueResponse>, ValidationProblem>> GetReviewQueueAsync(
        int? limit,
        IDbContextFactory<LogGuardDbContext> contexts,
        IOptions<HybridOptions> hybrid,
        IOptions<AnalysisOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var take = limit ?? Math.Min(DefaultReviewLimit, settings.ReviewMaxLimit);
        if (take < 1 || take > settings.ReviewMaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be 1 to {settings.ReviewMaxLimit} (Analysis:ReviewMaxLimit)"] });
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var since = time.GetUtcNow().UtcDateTime.AddHours(-settings.ReviewWindowHours);
        var bySource = await ReviewCandidates.ReadAsync(db, since, take, settings.ReviewMaxSources, hybrid.Value.ModelThreshold, hybrid.Value.RuleThreshold, cancellationToken);
        var items = Interleave(bySource.Values, take).Select(log => Item(log, hybrid.Value)).ToList();
        return TypedResults.Ok(new ReviewQueueResponse(settings.ReviewWindowHours, items));
    }

    // Each source's best candidate, then each one's second best, and so on; within a round the more urgent first.
    private static IEnumerable<PredictionLog> Interleave(IEnumerable<List<PredictionLog>> sources, int take)
    {
        var queues = sources.Select(list => new Queue<PredictionLog>(list)).ToList();
        var taken = 0;
        while (taken < take && queues.Any(queue => queue.Count > 0))
        {
            var round = queues.Where(queue => queue.Count > 0).Select(queue => queue.Dequeue())
                .OrderByDescending(log => log.NeedsReview).ThenByDescending(log => log.Id).ToList();
            foreach (var log in round.Take(take - taken))
            {
                taken++;
                yield return log;
            }
        }
    }

    private static ReviewItem Item(PredictionLog log, HybridOptions hybrid) => new(
        log.Id,
        log.Timestamp,
        log.Source,
        InputSummaries.MaskedLine(log.InputSummary),
        log.Label,
        log.Score,
        log.RuleScore,
        log.ModelProbability,
        log.TriggeredRuleIds.Split(',', StringSplitOptions.RemoveEmptyEntries),
        log.NeedsReview ? "needs_review"
        : log.ModelProbability is { } p && (p >= hybrid.ModelThreshold) != (log.RuleScore >= hybrid.RuleThreshold) ? "disagreement"
        : "near_threshold");

    private static DetectorQualityView View(DetectorQuality quality)
    {
        var slices = quality.Slices.Select(slice => new SliceView(
            slice.Key.Dimension, slice.Key.Value, slice.Error.Total, slice.Error, slice.FalsePositive, slice.FalseNegative, slice.AdjustedPValue, slice.IsHotspot)).ToList();
        return new DetectorQualityView(
            quality.Detector, quality.Count, quality.Confusion, quality.Precision, quality.Recall, Math.Round(quality.F1, 4),
            quality.FalsePositiveRate, [.. slices.Where(slice => slice.Hotspot)], slices);
    }
}
