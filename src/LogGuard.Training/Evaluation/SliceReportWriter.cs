using System.Globalization;
using System.Text;
using LogGuard.Core.Evaluation;
using static LogGuard.Training.Evaluation.MarkdownTable;

namespace LogGuard.Training.Evaluation;

/// <summary>slices.md: each detector's hotspots worst first, with example lines, then every slice of the hybrid decision.</summary>
public static class SliceReportWriter
{
    public const int ExamplesPerHotspot = 3;

    public static string Write(EvaluationReport report, SliceOptions options)
    {
        var md = new StringBuilder("# Failure slices\n\n");
        md.Append(CultureInfo.InvariantCulture, $"A slice is every line that shares one value of one property. A hotspot is a slice of at least {options.MinimumSize} lines whose error rate is higher than the rest of the lines', ");
        md.Append(CultureInfo.InvariantCulture, $"by a two-proportion z-test with the Benjamini–Hochberg correction over all tested slices (false-discovery rate {options.FalseDiscoveryRate}). ");
        md.Append("Rates carry 95% Wilson intervals.\n\n");
        var dimensions = new SliceDimensions(report.Lines, report.ExtraColumns);
        var unsliced = dimensions.UnslicedColumns.ToList();
        if (unsliced.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"Not sliced: {string.Join(", ", unsliced)} (more than {SliceDimensions.MaxDistinctValues} distinct values, not all numbers).\n\n");
        }

        foreach (var detector in report.Detectors)
        {
            var hotspots = detector.Slices.Where(slice => slice.IsHotspot).ToList();
            md.Append(CultureInfo.InvariantCulture, $"## {detector.Name}: {hotspots.Count} hotspot{(hotspots.Count == 1 ? "" : "s")}\n\n");
            foreach (var slice in hotspots)
            {
                md.Append(CultureInfo.InvariantCulture, $"### {slice.Key.Dimension} = {slice.Key.Value}\n\n");
                md.Append(CultureInfo.InvariantCulture, $"Error {Rate(slice.Error)}; false positives {Rate(slice.FalsePositive)}; false negatives {Rate(slice.FalseNegative)}; adjusted p {PValue(slice.AdjustedPValue)}.\n\n");
                foreach (var example in Examples(report, dimensions, detector, slice.Key))
                {
                    md.Append(CultureInfo.InvariantCulture, $"- {(example.Input.Suspicious ? "missed" : "false alarm")}: {Line(example.Analysis.Masked.Text, 200)}\n");
                }

                md.Append('\n');
            }
        }

        if (report.Detector(EvaluationDetector.Hybrid) is { } hybrid)
        {
            md.Append("## Every slice of the hybrid decision\n\n");
            Header(md, "dimension", "value", "lines", "error", "false-positive rate", "false-negative rate", "adjusted p", "hotspot");
            foreach (var slice in hybrid.Slices.OrderBy(slice => slice.Key.Dimension, StringComparer.Ordinal).ThenByDescending(slice => slice.Error.Rate))
            {
                Row(md, slice.Key.Dimension, slice.Key.Value, slice.Error.Total, Rate(slice.Error), Rate(slice.FalsePositive), Rate(slice.FalseNegative),
                    slice.AdjustedPValue is null ? "too small to test" : PValue(slice.AdjustedPValue), slice.IsHotspot ? "yes" : "");
            }
        }

        return md.ToString();
    }

    private static IEnumerable<EvaluatedLine> Examples(EvaluationReport report, SliceDimensions dimensions, DetectorResult detector, SliceKey key) =>
        Enumerable.Range(0, report.Lines.Count)
            .Where(i => detector.Outcomes[i] is { Correct: false } && dimensions.Of(i).Contains(key))
            .Take(ExamplesPerHotspot)
            .Select(i => report.Lines[i]);
}
