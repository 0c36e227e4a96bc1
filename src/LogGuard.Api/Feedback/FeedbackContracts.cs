namespace LogGuard.Api.Feedback;

/// <summary>One label, or with <see cref="Items"/> several (then the other fields stay empty).</summary>
public sealed record FeedbackRequest(long? PredictionId, string? Label, string? Note, IReadOnlyList<FeedbackItemRequest>? Items);

/// <param name="PredictionId">The <c>id</c> that <c>POST /detect</c> returned for the line.</param>
/// <param name="Label"><c>suspicious</c> or <c>normal</c>: what the line really is.</param>
/// <param name="Note">Optional, masked like a log line before it is stored.</param>
public sealed record FeedbackItemRequest(long? PredictionId, string? Label, string? Note);

/// <param name="Changed">False when the prediction already had this label and note: nothing was written.</param>
/// <param name="PreviousLabel">The label this one replaced, or null for a first label.</param>
public sealed record FeedbackResult(long PredictionId, string Label, string? PreviousLabel, bool Changed);

public sealed record FeedbackResponse(IReadOnlyList<FeedbackResult> Results);

/// <param name="SupersededAt">When a later label replaced this one; null for the current label.</param>
public sealed record FeedbackLabelView(string Label, string? Note, string? LabelledBy, DateTime LabelledAt, DateTime? SupersededAt);

/// <param name="Current">The label that counts, or null when the prediction has none.</param>
public sealed record FeedbackHistory(long PredictionId, FeedbackLabelView? Current, IReadOnlyList<FeedbackLabelView> History);
