namespace LogGuard.Core.Detection.Model;

/// <summary>
/// The model, as the rest of LogGuard sees it. It may be unavailable (missing or corrupt file):
/// callers check <see cref="IsAvailable"/> and decide by rules alone.
/// </summary>
public interface IModelScorer
{
    bool IsAvailable { get; }

    /// <summary>Why the model is not available, for logs and for /health/ready.</summary>
    string? UnavailableReason { get; }

    ModelMetadata? Metadata { get; }

    string Version { get; }

    /// <summary>Counts a model text's tokens and those the training vocabulary lacks.</summary>
    (int Tokens, int OutOfVocabulary) CountTokens(string modelText);

    /// <summary>The probability that each model text is suspicious. Thread-safe.</summary>
    void Score(IReadOnlyList<string> modelTexts, Span<float> probabilities);

    /// <summary>The features that pushed the probability most, up and down; empty when the model cannot say. Thread-safe.</summary>
    IReadOnlyList<ModelEvidence> Explain(string modelText, int count);
}
