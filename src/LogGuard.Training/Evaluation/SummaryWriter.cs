using System.Globalization;
using System.Text;
using LogGuard.Core.Detection.Hybrid;
using LogGuard.Core.Evaluation;
using static LogGuard.Training.Evaluation.MarkdownTable;

namespace LogGuard.Training.Evaluation;

/// <summary>summary.md: each detector's figures, where the hybrid helps, calibration, disagreements and every rule's record.</summary>
public static class SummaryWriter
{
    public const int DisagreementsShown = 15;

    public static string Write(EvaluationReport report, string inputName, HybridOptions hybrid)
    {
        var md = new StringBuilder();
        var suspicious = report.Lines.Count(line => line.Input.Suspicious);
        md.Append(CultureInfo.InvariantCulture, $"# Evaluation of {inputName}\n\n{report.Lines.Count} lines: {suspicious} suspicious, {report.Lines.Count - suspicious} normal. ");
        md.Append(CultureInfo.InvariantCulture, $"Rules alone flag a line from a rule score of {hybrid.RuleThreshold}, a model alone from a probability of {hybrid.ModelThreshold}; the hybrid is the service's own decision. ");
        md.Append("Rates are shown with their 95% Wilson intervals.\n\n");

        Detectors(md, report);
        HybridAgainstEachAlone(md, report);
        Calibration(md, report.Calibration);
        Disagreements(md, report);
        Rules(md, report);
        return md.ToString();
    }

    private static void Detectors(StringBuilder md, EvaluationReport report)
    {
        md.Append("## Detectors\n\n");
        Header(md, "detector", "lines", "precision", "recall", "F1", "false-positive rate", "ROC AUC", "PR AUC", "TP", "FP", "TN", "FN");
        foreach (var detector in report.Detectors)
        {
            var m = detector.Metrics;
            var c = m.Confusion;
            Row(md, detector.Name, m.Count, Number(m.Precision), Number(m.Recall), Number(m.F1), Number(m.FalsePositiveRate), Number(m.Auc), Number(m.PrAuc),
                c.TruePositive, c.FalsePositive, c.TrueNegative, c.FalseNegative);
        }

        var review = report.Lines.Count(line => line.Analysis.Verdict.NeedsReview);
        var unfamiliar = report.Lines.Count(line => line.Analysis.Verdict.ModelUnfamiliar);
        md.Append(CultureInfo.InvariantCulture, $"\nThe hybrid asked for a human review of {Rate(Core.Evaluation.Proportion.Of(review, report.Lines.Count))} of the lines. ");
        md.Append(CultureInfo.InvariantCulture, $"The model did not know {Rate(Core.Evaluation.Proportion.Of(unfamiliar, report.Lines.Count))} of them (most of their words never occurred in training), and the rules decided those.\n\n");
        md.Append("Plots: `confusion-*.png`, `scores-*.png` (score distribution per true class), `roc.png`, `precision-recall.png`, `reliability.png`, `slices.png`.\n\n");
    }

    private static void HybridAgainstEachAlone(StringBuilder md, EvaluationReport report)
    {
        var hybrid = report.Detector(EvaluationDetector.Hybrid);
        if (hybrid is null)
        {
            return;
        }

        md.Append("## Where the hybrid beats each detector alone\n\n");
        Header(md, "compared with", "hybrid right, it wrong", "hybrid wrong, it right", "net lines gained");
        foreach (var other in report.Detectors.Where(detector => detector.Name != EvaluationDetector.Hybrid))
        {
            int gained = 0, lost = 0;
            for (var i = 0; i < report.Lines.Count; i++)
            {
                if (hybrid.Outcomes[i] is not { } h || other.Outcomes[i] is not { } o || h.Correct == o.Correct)
                {
                    continue;
                }

                gained += h.Correct ? 1 : 0;
                lost += h.Correct ? 0 : 1;
            }

            Row(md, other.Name, gained, lost, gained - lost);
        }

        md.Append('\n');
    }

    /// <summary>The calibration section: each detector's reliability table and expected calibration error.</summary>
    public static void Calibration(StringBuilder md, IReadOnlyDictionary<string, Reliability> calibration)
    {
        md.Append("## Calibration\n\nA probability means what it says when, of the lines given about 0.7, about 70% are suspicious. ");
        md.Append("Expected calibration error (ECE) is the line-weighted mean gap between the two.\n\n");
        foreach (var (name, reliability) in calibration)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {name}: ECE {Number(reliability.ExpectedCalibrationError)}\n\n");
            Header(md, "predicted", "lines", "mean predicted", "observed suspicious");
            foreach (var bin in reliability.Bins)
            {
                Row(md, string.Create(CultureInfo.InvariantCulture, $"{bin.From:0.0}–{bin.To:0.0}"), bin.Count, Number(bin.MeanProbability), Rate(bin.Observed));
            }

            md.Append('\n');
        }
    }

    private static void Disagreements(StringBuilder md, EvaluationReport report)
    {
        md.Append("## Disagreements\n\nLines where the rules and the model gave different labels, the model's most confident first.\n\n");
        foreach (var (right, title) in new[] { (EvaluationDetector.Rules, "Rules right, model wrong"), (EvaluationDetector.Model, "Model right, rules wrong") })
        {
            var cases = report.Disagreements.Where(disagreement => disagreement.RightDetector == right).ToList();
            md.Append(CultureInfo.InvariantCulture, $"### {title} ({cases.Count} lines)\n\n");
            if (cases.Count == 0)
            {
                continue;
            }

            Header(md, "true label", "model probability", "what pushed the model", "rule score", "rules fired", "line");
            foreach (var disagreement in cases.Take(DisagreementsShown))
            {
                var analysis = disagreement.Line.Analysis;
                var evidence = analysis.ModelEvidence.Count == 0 ? "–" : string.Join(", ", analysis.ModelEvidence.Select(item => string.Create(CultureInfo.InvariantCulture, $"{item.Feature} ({item.Weight:+0.00;-0.00})")));
                Row(md, disagreement.Line.Input.Suspicious ? "suspicious" : "normal", Number(analysis.ModelProbability), evidence.Replace("|", "\\|", StringComparison.Ordinal), Number(analysis.Rules.Score),
                    string.Join(' ', analysis.Rules.Triggered.Select(rule => rule.Id)), Line(analysis.Masked.Text));
            }

            md.Append('\n');
        }
    }

    private static void Rules(StringBuilder md, EvaluationReport report)
    {
        md.Append("## Rules\n\nEvery rule that fired, least precise first: a rule that fires on normal lines shows here.\n\n");
        Header(md, "rule", "category", "weight", "fired on normal lines", "precision", "recall");
        foreach (var rule in report.Rules)
        {
            Row(md, rule.Id, rule.Category, Number(rule.Weight), rule.FiredOnNormal, Rate(rule.Precision), Rate(rule.Recall));
        }

        md.Append('\n');
    }
}
