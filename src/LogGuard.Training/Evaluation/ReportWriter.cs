using System.Globalization;
using System.Text;
using System.Text.Json;
using LogGuard.Core.Evaluation;

namespace LogGuard.Training.Evaluation;

/// <summary>Writes the comparison as JSON (for tools) and Markdown (for the README).</summary>
public static class ReportWriter
{
    // AUC is NaN for a source with one class only; JSON has no NaN, so it is written as a string.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <param name="calibration">The model's reliability on the same lines: a table in the Markdown, and a diagram beside it.</param>
    public static void Write(ComparisonReport report, string split, string directory, string name, IReadOnlyDictionary<string, Reliability> calibration)
    {
        File.WriteAllText(
            Path.Combine(directory, name + ".json"),
            JsonSerializer.Serialize(new { split, report.Rows, report.Failures, calibration }, Json));
        var diagram = EvaluationPlots.WriteReliability(calibration, directory, name + "-reliability.png");
        var md = new StringBuilder(ToMarkdown(report, split)).Append('\n');
        SummaryWriter.Calibration(md, calibration);
        md.Append("![reliability diagram](").Append(Path.GetFileName(diagram)).Append(")\n");
        File.WriteAllText(Path.Combine(directory, name + ".md"), md.ToString());
    }

    public static string ToMarkdown(ComparisonReport report, string split)
    {
        var md = new StringBuilder();
        md.Append("Held-out lines only (").Append(split).Append(").\n\n");
        md.Append("| source | detector | lines | precision | recall | F1 | false-positive rate |\n|---|---|---:|---:|---:|---:|---:|\n");
        foreach (var row in report.Rows)
        {
            var m = row.Metrics;
            md.Append(CultureInfo.InvariantCulture, $"| {row.Source} | {row.Detector} | {m.Count} | {Cell(m.Confusion.TruePositive + m.Confusion.FalsePositive, m.Precision)} | {Cell(m.Confusion.TruePositive + m.Confusion.FalseNegative, m.Recall)} | {Cell(m.Confusion.TruePositive + m.Confusion.FalseNegative, m.F1)} | {Cell(m.Confusion.FalsePositive + m.Confusion.TrueNegative, m.FalsePositiveRate)} |\n");
        }

        return md.ToString();
    }

    // A ratio over nothing is not a figure: shown as a dash.
    private static string Cell(int denominator, double value) => denominator == 0 ? "–" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
