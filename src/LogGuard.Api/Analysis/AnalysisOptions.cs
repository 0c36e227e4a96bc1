using System.ComponentModel.DataAnnotations;

namespace LogGuard.Api.Analysis;

/// <summary>Bounds of the live-quality and review-queue routes (section <c>Analysis</c>).</summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Analysis";

    /// <summary>The newest labelled predictions one quality request reads, at most.</summary>
    [Range(1, 10_000_000)]
    public int MaxLabelledRows { get; set; } = 100_000;

    /// <summary>Slices smaller than this are listed but never called hotspots.</summary>
    [Range(1, 1_000_000)]
    public int SliceMinimumSize { get; set; } = 30;

    /// <summary>How far back the review queue looks for unlabelled predictions.</summary>
    [Range(1, 24 * 365)]
    public int ReviewWindowHours { get; set; } = 24;

    [Range(1, 10_000)]
    public int ReviewMaxLimit { get; set; } = 500;

    /// <summary>The review queue reads the sources with the most predictions in its window, at most this many.</summary>
    [Range(1, 10_000)]
    public int ReviewMaxSources { get; set; } = 100;
}
