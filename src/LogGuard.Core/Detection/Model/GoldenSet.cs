using System.Globalization;
using LogGuard.Core.Detection.Preprocessing;

namespace LogGuard.Core.Detection.Model;

/// <summary>A line of the golden set: written by hand, labelled by hand.</summary>
public sealed record GoldenLine(string Text, bool Suspicious);

/// <summary>
/// A small labelled set that ships beside the models (<c>models/golden.tsv</c>: <c>label&lt;TAB&gt;line</c>), lines
/// of every class and format. Each model's accuracy on it is recorded when the model is registered; a model that
/// later answers it much worse is broken or is not the model it claims to be.
/// </summary>
public static class GoldenSet
{
    public const string FileName = "golden.tsv";

    public static IReadOnlyList<GoldenLine> Load(string path)
    {
        var lines = new List<GoldenLine>();
        var number = 0;
        foreach (var row in File.ReadLines(path))
        {
            number++;
            if (number == 1 || row.Length == 0)
            {
                continue; // the header
            }

            var tab = row.IndexOf('\t', StringComparison.Ordinal);
            var label = tab < 0 ? "" : row[..tab];
            lines.Add(label switch
            {
                "suspicious" => new GoldenLine(row[(tab + 1)..], true),
                "normal" => new GoldenLine(row[(tab + 1)..], false),
                _ => throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path}, line {number}: the label must be 'suspicious' or 'normal' before a tab.")),
            });
        }

        return lines.Count > 0 ? lines : throw new InvalidDataException($"{path} holds no labelled line.");
    }

    /// <summary>The share of the golden lines the model alone gets right at <paramref name="threshold"/>.</summary>
    public static double Accuracy(IModelScorer model, IReadOnlyList<GoldenLine> golden, double threshold)
    {
        var c = Evaluation.ClassificationMetricsCalculator.ForModel(
            model, [.. golden.Select(line => ModelText.Of(line.Text))], [.. golden.Select(line => line.Suspicious)], threshold).Confusion;
        return Math.Round((double)(c.TruePositive + c.TrueNegative) / golden.Count, 4);
    }
}

/// <summary>What the canary found: the model's accuracy on the golden set now, and what was recorded for it.</summary>
public sealed record CanaryResult(double Accuracy, double RecordedAccuracy, double Margin)
{
    public bool Passed => Accuracy >= RecordedAccuracy - Margin;

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"accuracy {Accuracy:0.000} on the golden set, {(Passed ? "within" : "more than")} {Margin:0.000} of the recorded {RecordedAccuracy:0.000}");
}
