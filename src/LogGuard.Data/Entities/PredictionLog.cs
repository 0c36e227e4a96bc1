namespace LogGuard.Data.Entities;

/// <summary>One audited verdict: everything the client was told, and what the monitor aggregates.</summary>
public sealed class PredictionLog
{
    public long Id { get; set; }

    public DateTime Timestamp { get; set; }

    public required string RequestId { get; set; }

    public string? Source { get; set; }

    /// <summary>The name of the API key the lines came with (Security:ApiKeys); null on an open service.</summary>
    public string? ClientName { get; set; }

    public required string ModelVersion { get; set; }

    public required string RulesVersion { get; set; }

    public required string SystemState { get; set; }

    public required string DecidedBy { get; set; }

    public bool FallbackUsed { get; set; }

    public required string Label { get; set; }

    public double Score { get; set; }

    public double Confidence { get; set; }

    public double? ModelProbability { get; set; }

    public double RuleScore { get; set; }

    /// <summary>The challenger scoring in shadow, when one is on; it never decides.</summary>
    public string? ChallengerVersion { get; set; }

    public double? ChallengerProbability { get; set; }

    /// <summary>Comma-separated rule ids, empty when none fired.</summary>
    public required string TriggeredRuleIds { get; set; }

    public bool NeedsReview { get; set; }

    public int LineLength { get; set; }

    public int TokenCount { get; set; }

    public int OutOfVocabularyCount { get; set; }

    public required string Format { get; set; }

    public string? Level { get; set; }

    /// <summary>JSON: the masked line and what was masked.</summary>
    public required string InputSummary { get; set; }

    /// <summary>The line as sent; null unless <c>Audit:StoreRawLines</c> is on.</summary>
    public string? RawLine { get; set; }
}
