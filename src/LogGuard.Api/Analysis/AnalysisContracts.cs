using LogGuard.Core.Detection.Model;
using LogGuard.Core.Evaluation;

namespace LogGuard.Api.Analysis;

/// <param name="Labelled">Labelled predictions the figures are computed from.</param>
/// <param name="Truncated">True when the period held more than <c>Analysis:MaxLabelledRows</c> labelled predictions and only the newest were read.</param>
public sealed record QualityResponse(DateTime? From, DateTime? To, string? Source, int Labelled, bool Truncated, IReadOnlyList<DetectorQualityView> Detectors);

public sealed record DetectorQualityView(
    string Detector,
    int Count,
    ConfusionCounts Confusion,
    Proportion Precision,
    Proportion Recall,
    double F1,
    Proportion FalsePositiveRate,
    IReadOnlyList<SliceView> Hotspots,
    IReadOnlyList<SliceView> Slices);

/// <param name="AdjustedPValue">After the Benjamini–Hochberg correction over every tested slice; null for a slice too small to test.</param>
public sealed record SliceView(string Dimension, string Value, long Size, Proportion Error, Proportion FalsePositive, Proportion FalseNegative, double? AdjustedPValue, bool Hotspot);

/// <param name="Reason"><c>needs_review</c>, <c>disagreement</c> (rules and model differ) or <c>near_threshold</c>.</param>
public sealed record ReviewItem(
    long PredictionId,
    DateTime Timestamp,
    string? Source,
    string Line,
    string Label,
    double Score,
    double RuleScore,
    double? ModelProbability,
    IReadOnlyList<string> TriggeredRules,
    string Reason);

public sealed record ReviewQueueResponse(int WindowHours, IReadOnlyList<ReviewItem> Items);
