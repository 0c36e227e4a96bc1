using LogGuard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LogGuard.Data.Feedback;

/// <summary>A label for one prediction, as a caller gives it (the note already masked).</summary>
public sealed record FeedbackItem(long PredictionId, string Label, string? Note);

/// <summary>What a label did: <paramref name="Changed"/> is false when it repeated the current label and note, and nothing was written.</summary>
public sealed record FeedbackOutcome(long PredictionId, string Label, string? PreviousLabel, bool Changed);

/// <summary>Thrown when another writer labelled one of the predictions between this one's read and its write.</summary>
public sealed class FeedbackConflictException(Exception inner)
    : Exception("Another request labelled one of these predictions at the same moment; nothing from this request was stored. Retry it.", inner);

/// <summary>
/// Stores labels against audited predictions: all of a request's labels or none, each prediction keeping the
/// history of its labels, and repeating the current label changing nothing.
/// </summary>
public sealed class FeedbackStore(IDbContextFactory<LogGuardDbContext> contexts, TimeProvider time)
{
    /// <returns>
    /// The outcome of each item, in order; or, when some prediction ids do not exist, those ids and nothing stored.
    /// </returns>
    public async Task<(IReadOnlyList<FeedbackOutcome>? Outcomes, IReadOnlyList<long> UnknownIds)> RecordAsync(
        IReadOnlyList<FeedbackItem> items, string? labelledBy, CancellationToken cancellationToken)
    {
        if (items.Select(item => item.PredictionId).Distinct().Count() != items.Count)
        {
            throw new ArgumentException("Each prediction may be labelled once per request.", nameof(items));
        }

        var ids = items.Select(item => item.PredictionId).Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var existing = await db.PredictionLogs.AsNoTracking().Where(log => ids.Contains(log.Id)).Select(log => log.Id).ToListAsync(cancellationToken);
        if (existing.Count != ids.Count)
        {
            return (null, [.. ids.Except(existing).Order()]);
        }

        var current = await db.Feedback.Where(feedback => ids.Contains(feedback.PredictionId) && feedback.SupersededAt == null)
            .ToDictionaryAsync(feedback => feedback.PredictionId, cancellationToken);
        var now = StoredInstant.Of(time.GetUtcNow().UtcDateTime);
        var outcomes = new List<FeedbackOutcome>(items.Count);
        var added = new List<FeedbackRecord>();
        foreach (var item in items)
        {
            current.TryGetValue(item.PredictionId, out var previous);
            if (previous is not null && previous.Label == item.Label && previous.Note == item.Note)
            {
                outcomes.Add(new FeedbackOutcome(item.PredictionId, item.Label, previous.Label, Changed: false));
                continue;
            }

            previous?.SupersededAt = now;
            added.Add(new FeedbackRecord { PredictionId = item.PredictionId, Label = item.Label, Note = item.Note, LabelledBy = labelledBy, LabelledAt = now });
            outcomes.Add(new FeedbackOutcome(item.PredictionId, item.Label, previous?.Label, Changed: true));
        }

        try
        {
            // Two statements' worth, in this order: the index of current labels checks each row as it is written,
            // so the old label must stop being current before the new one is inserted.
            await db.SaveChangesAsync(cancellationToken);
            db.Feedback.AddRange(added);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (StoreFailures.IsUniqueViolation(exception))
        {
            throw new FeedbackConflictException(exception);
        }

        return (outcomes, []);
    }

    /// <summary>Every label a prediction has had, newest first; null when the prediction does not exist.</summary>
    public async Task<IReadOnlyList<FeedbackRecord>?> HistoryAsync(long predictionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.PredictionLogs.AnyAsync(log => log.Id == predictionId, cancellationToken))
        {
            return null;
        }

        return await db.Feedback.AsNoTracking().Where(feedback => feedback.PredictionId == predictionId)
            .OrderByDescending(feedback => feedback.Id).ToListAsync(cancellationToken);
    }
}
