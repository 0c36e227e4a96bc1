namespace LogGuard.Data.Entities;

/// <summary>
/// A person's label for one audited verdict. A new label for the same prediction supersedes the current one
/// instead of overwriting it, so the history of who said what stays; the audit row itself is never changed.
/// </summary>
public sealed class FeedbackRecord
{
    public long Id { get; set; }

    public long PredictionId { get; set; }

    /// <summary><c>suspicious</c> or <c>normal</c>: the truth as the labeller sees it.</summary>
    public required string Label { get; set; }

    /// <summary>Masked like a log line before it is stored.</summary>
    public string? Note { get; set; }

    /// <summary>The name of the caller's API key; null when the service has no keys for callers.</summary>
    public string? LabelledBy { get; set; }

    public DateTime LabelledAt { get; set; }

    /// <summary>When a later label replaced this one; null for the current label.</summary>
    public DateTime? SupersededAt { get; set; }
}
