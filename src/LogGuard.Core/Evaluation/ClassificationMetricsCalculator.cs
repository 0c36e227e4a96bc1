using LogGuard.Core.Detection.Model;
using Microsoft.ML;

namespace LogGuard.Core.Evaluation;

/// <summary>
/// Precision, recall, F1, false-positive rate and the confusion counts of a detector's verdicts, with the areas
/// under its ROC and precision-recall curves from ML.NET's binary-classification evaluator.
/// </summary>
public static class ClassificationMetricsCalculator
{
    /// <summary>The model alone on labelled model texts: suspicious at or above <paramref name="threshold"/>.</summary>
    public static ClassificationMetrics ForModel(IModelScorer model, IReadOnlyList<string> modelTexts, IReadOnlyList<bool> actual, double threshold)
    {
        var probabilities = new float[modelTexts.Count];
        model.Score(modelTexts, probabilities);
        return Compute([.. actual.Select((suspicious, i) => new ScoredOutcome(suspicious, probabilities[i] >= threshold, probabilities[i]))]);
    }

    public static ClassificationMetrics Compute(IReadOnlyCollection<ScoredOutcome> outcomes)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        foreach (var outcome in outcomes)
        {
            switch (outcome.Actual, outcome.Predicted)
            {
                case (true, true): tp++; break;
                case (false, true): fp++; break;
                case (false, false): tn++; break;
                default: fn++; break;
            }
        }

        var precision = Ratio(tp, tp + fp);
        var recall = Ratio(tp, tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var (rocAuc, prAuc) = tp + fn == 0 || fp + tn == 0 ? (double.NaN, double.NaN) : Areas(outcomes);
        return new ClassificationMetrics(
            outcomes.Count,
            Round(precision),
            Round(recall),
            Round(f1),
            Round(rocAuc),
            Round(Ratio(fp, fp + tn)),
            new ConfusionCounts(tp, fp, tn, fn))
        {
            PrAuc = double.IsNaN(prAuc) ? null : Round(prAuc),
        };
    }

    // Both areas need both classes; with one class they are undefined, and reported as NaN by the caller.
    private static (double RocAuc, double PrAuc) Areas(IEnumerable<ScoredOutcome> outcomes)
    {
        var context = new MLContext(seed: 0);
        var data = context.Data.LoadFromEnumerable(outcomes.Select(outcome => new ScoredRow
        {
            Label = outcome.Actual,
            Score = (float)outcome.Score,
            PredictedLabel = outcome.Predicted,
        }));
        var metrics = context.BinaryClassification.EvaluateNonCalibrated(data);
        return (metrics.AreaUnderRocCurve, metrics.AreaUnderPrecisionRecallCurve);
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    private static double Round(double value) => double.IsNaN(value) ? value : Math.Round(value, 4);

    private sealed class ScoredRow
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
