using System.Globalization;
using CsvHelper;

namespace LogGuard.Training.Evaluation;

/// <summary>comparison.csv: one row per line, with the masked line, the true label and what every detector said.</summary>
public static class ComparisonCsvWriter
{
    public static void Write(EvaluationReport report, string path)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        string[] fixedColumns =
        [
            "input_line", "masked_line", "true_label", "rule_score", "triggered_rules", "model_probability", "challenger_probability",
            "hybrid_label", "hybrid_score", "decided_by", "needs_review", "model_unfamiliar",
        ];
        foreach (var column in fixedColumns.Concat(report.Detectors.Select(detector => detector.Name + "_correct")).Concat(report.ExtraColumns))
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        for (var i = 0; i < report.Lines.Count; i++)
        {
            var line = report.Lines[i];
            var analysis = line.Analysis;
            csv.WriteField(line.Input.LineNumber);
            csv.WriteField(analysis.Masked.Text);
            csv.WriteField(line.Input.Suspicious ? "suspicious" : "normal");
            csv.WriteField(analysis.Rules.Score);
            csv.WriteField(string.Join(' ', analysis.Rules.Triggered.Select(rule => rule.Id)));
            csv.WriteField(analysis.ModelProbability);
            csv.WriteField(line.ChallengerProbability);
            csv.WriteField(analysis.Verdict.Label);
            csv.WriteField(analysis.Verdict.Score);
            csv.WriteField(analysis.Verdict.DecidedBy.ToString().ToLowerInvariant());
            csv.WriteField(analysis.Verdict.NeedsReview);
            csv.WriteField(analysis.Verdict.ModelUnfamiliar);
            foreach (var detector in report.Detectors)
            {
                csv.WriteField(detector.Outcomes[i]?.Correct);
            }

            foreach (var extra in line.Input.Extra)
            {
                csv.WriteField(extra);
            }

            csv.NextRecord();
        }
    }
}
