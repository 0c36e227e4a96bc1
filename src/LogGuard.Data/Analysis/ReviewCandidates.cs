using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Data.Analysis;

/// <summary>
/// Unlabelled predictions most worth a person's look, in order: those the hybrid asked a human about, then those
/// on which rules and model disagree, then those whose model probability lies closest to the threshold.
/// </summary>
public static class ReviewCandidates
{
    /// <summary>
    /// The best <paramref name="limit"/> candidates of each source since <paramref name="since"/>, best first.
    /// Sources are read one at a time, so a source that floods the window cannot push the others out.
    /// </summary>
    /// <param name="maxSources">The sources with the most predictions in the window are read, at most this many.</param>
    public static async Task<Dictionary<string, List<PredictionLog>>> ReadAsync(
        LogGuardDbContext db, DateTime since, int limit, int maxSources, double modelThreshold, double ruleThreshold, CancellationToken cancellationToken)
    {
        var unlabelled = db.PredictionLogs.AsNoTracking()
            .Where(log => log.Timestamp >= since)
            .Where(log => !db.Feedback.Any(feedback => feedback.PredictionId == log.Id));
        var sources = await unlabelled.GroupBy(log => log.Source)
            .Select(group => new { Source = group.Key, Count = group.Count() })
            .OrderByDescending(group => group.Count)
            .Take(maxSources)
            .ToListAsync(cancellationToken);

        var bySource = new Dictionary<string, List<PredictionLog>>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            bySource[source.Source ?? ""] = await unlabelled
                .Where(log => log.Source == source.Source)
                .OrderByDescending(log => log.NeedsReview)
                .ThenByDescending(log => log.ModelProbability != null && (log.ModelProbability >= modelThreshold) != (log.RuleScore >= ruleThreshold))
                .ThenBy(log => log.ModelProbability == null ? 1.0 : Math.Abs(log.ModelProbability.Value - modelThreshold))
                .ThenByDescending(log => log.Id)
                .Take(limit)
                .ToListAsync(cancellationToken);
        }

        return bySource;
    }
}
