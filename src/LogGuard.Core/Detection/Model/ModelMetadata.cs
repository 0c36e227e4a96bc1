namespace LogGuard.Core.Detection.Model;

/// <summary>
/// What training wrote beside a model: where it came from and how well it did on lines it never saw.
/// Every figure here is computed by the trainer; none is typed in.
/// </summary>
public sealed record ModelMetadata
{
    public required string Version { get; init; }

    public required string Kind { get; init; }

    public required string Trainer { get; init; }

    public required DateTimeOffset TrainedAt { get; init; }

    public required int Seed { get; init; }

    /// <summary>SHA-256 over the labelled corpus the model was trained and tested on.</summary>
    public required string DataFingerprint { get; init; }

    /// <summary>How the held-out lines were chosen (by template, by time).</summary>
    public required string Split { get; init; }

    public required IReadOnlyDictionary<string, int> TrainCountsByClass { get; init; }

    public required IReadOnlyDictionary<string, int> TestCountsByClass { get; init; }

    public required IReadOnlyDictionary<string, int> CountsBySource { get; init; }

    public required ClassificationMetrics HeldOut { get; init; }

    public required VocabularyStatistics Vocabulary { get; init; }

    /// <summary>The held-out lines' statistics, from which a monitoring baseline can be seeded.</summary>
    public required HeldOutStatistics HeldOutStatistics { get; init; }

    /// <summary>How the probability was calibrated; null for a model trained before it was.</summary>
    public ModelCalibration? Calibration { get; init; }
}

/// <summary>
/// A sigmoid fitted on the raw scores of <paramref name="Lines"/> training lines kept out of fitting:
/// probability = 1 / (1 + exp(<paramref name="Slope"/> · score + <paramref name="Offset"/>)).
/// </summary>
public sealed record ModelCalibration(string Method, int Lines, double Slope, double Offset);

/// <param name="Auc">Area under the ROC curve; NaN when the lines hold one class only.</param>
public sealed record ClassificationMetrics(
    int Count,
    double Precision,
    double Recall,
    double F1,
    double Auc,
    double FalsePositiveRate,
    ConfusionCounts Confusion)
{
    /// <summary>Area under the precision-recall curve; null when the lines hold one class only, or for a model trained before it was measured.</summary>
    public double? PrAuc { get; init; }
}

public sealed record ConfusionCounts(int TruePositive, int FalsePositive, int TrueNegative, int FalseNegative);

public sealed record VocabularyStatistics(int Size, int MinCount, double HeldOutOutOfVocabularyRate);

public sealed record HeldOutStatistics(
    int SampleSize,
    double PositiveRate,
    double MeanConfidence,
    double LowConfidenceRate,
    double OutOfVocabularyRate,
    IReadOnlyList<double> LineLengthQuantiles,
    IReadOnlyDictionary<string, double> TopTokenFrequencies);
