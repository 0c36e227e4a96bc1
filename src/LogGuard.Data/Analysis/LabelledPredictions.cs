using Microsoft.EntityFrameworkCore;

namespace LogGuard.Data.Analysis;

/// <summary>An audited verdict with the label a person gave it.</summary>
public sealed record LabelledPrediction(
    long Id,
    string? Source,
    string Format,
    string? Level,
    int LineLength,
    string Label,
    double Score,
    double RuleScore,
    double? ModelProbability,
    string TriggeredRuleIds,
    double? ChallengerProbability,
    string TrueLabel);

public static class LabelledPredictions
{
    /// <summary>
    /// The newest <paramref name="limit"/> labelled predictions of a period (and source), each with its current
    /// label. Labels are people's work, so there are few of them beside the audit rows; the limit bounds a request
    /// all the same.
    /// </summary>
    public static Task<List<LabelledPrediction>> ReadAsync(
        LogGuardDbContext db, DateTime? from, DateTime? to, string? source, int limit, CancellationToken cancellationToken)
    {
        var predictions = db.PredictionLogs.AsNoTracking();
        if (from is { } start)
        {
            predictions = predictions.Where(log => log.Timestamp >= start);
        }

        if (to is { } end)
        {
            predictions = predictions.Where(log => log.Timestamp < end);
        }

        if (source is not null)
        {
            predictions = predictions.Where(log => log.Source == source);
        }

        return (from feedback in db.Feedback.AsNoTracking()
                where feedback.SupersededAt == null
                join log in predictions on feedback.PredictionId equals log.Id
                orderby log.Id descending
                select new LabelledPrediction(
                    log.Id, log.Source, log.Format, log.Level, log.LineLength, log.Label, log.Score, log.RuleScore,
                    log.ModelProbability, log.TriggeredRuleIds, log.ChallengerProbability, feedback.Label))
            .Take(limit)
            .ToListAsync(cancellationToken);
    }
}

/// <summary>A labelled prediction's masked line and the person's label, for scoring another model on it.</summary>
public sealed record LabelledLine(string InputSummary, bool Suspicious);

public static class LabelledLines
{
    /// <summary>The newest <paramref name="limit"/> labelled lines, as stored: masked.</summary>
    public static Task<List<LabelledLine>> ReadAsync(LogGuardDbContext db, int limit, CancellationToken cancellationToken) =>
        (from feedback in db.Feedback.AsNoTracking()
         where feedback.SupersededAt == null
         join log in db.PredictionLogs.AsNoTracking() on feedback.PredictionId equals log.Id
         orderby log.Id descending
         select new LabelledLine(log.InputSummary, feedback.Label == "suspicious"))
        .Take(limit)
        .ToListAsync(cancellationToken);
}
