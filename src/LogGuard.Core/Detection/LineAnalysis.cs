using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Detection.Masking;
using LogGuard.Core.Detection.Model;
using LogGuard.Core.Detection.Preprocessing;
using LogGuard.Core.Detection.Rules;

namespace LogGuard.Core.Detection;

/// <summary>Everything LogGuard learned about one line: the verdict, its evidence, and the facts the monitor needs.</summary>
public sealed record LineAnalysis(
    Verdict Verdict,
    RuleEvaluation Rules,
    double? ModelProbability,
    LineShape Shape,
    MaskedLine Masked,
    int Length,
    int TokenCount,
    int OutOfVocabularyCount)
{
    /// <summary>What pushed the model's probability, for suspicious and review lines; empty otherwise.</summary>
    public IReadOnlyList<ModelEvidence> ModelEvidence { get; init; } = [];

    /// <summary>The version of the model that scored the line ("none" when no model did), for its audit row.</summary>
    public string ModelVersion { get; init; } = "none";

    /// <summary>The challenger's probability when one scores in shadow; audited beside the model's, never deciding.</summary>
    public double? ChallengerProbability { get; init; }

    public string? ChallengerVersion { get; init; }
}
