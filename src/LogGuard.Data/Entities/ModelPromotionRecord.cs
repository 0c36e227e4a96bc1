namespace LogGuard.Data.Entities;

/// <summary>
/// One promotion decision, accepted or refused, with the figures it was made on. The newest accepted one names
/// the model every instance serves.
/// </summary>
public sealed class ModelPromotionRecord
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public required string CandidateVersion { get; set; }

    /// <summary>The model that was active when the decision was made.</summary>
    public required string ActiveVersion { get; set; }

    public bool Accepted { get; set; }

    /// <summary>Why, in words: each check that passed or failed.</summary>
    public required string Reason { get; set; }

    /// <summary>JSON: the canary and the held-out and live figures of both models.</summary>
    public required string Figures { get; set; }
}
