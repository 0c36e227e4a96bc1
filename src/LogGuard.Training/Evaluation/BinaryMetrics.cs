using LogGuard.Core.Detection.Model;

namespace LogGuard.Training.Evaluation;

/// <summary>Precision, recall, F1, false-positive rate and AUC of a detector's verdicts.</summary>
public static class BinaryMetrics
{
    public static ClassificationMetrics Compute(IReadOnlyList<(bool Actual, bool Predicted, double Score)> outcomes)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        foreach (var (actual, predicted, _) in outcomes)
        {
            if (actual && predicted) tp++;
            else if (!actual && predicted) fp++;
            else if (!actual) tn++;
            else fn++;
        }

        var precision = Ratio(tp, tp + fp);
        var recall = Ratio(tp, tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassificationMetrics(
            outcomes.Count,
            Round(precision),
            Round(recall),
            Round(f1),
            Round(Auc(outcomes)),
            Round(Ratio(fp, fp + tn)),
            new ConfusionCounts(tp, fp, tn, fn));
    }

    /// <summary>The Mann–Whitney form of the area under the ROC curve; ties count a half. NaN with one class only.</summary>
    public static double Auc(IReadOnlyList<(bool Actual, bool Predicted, double Score)> outcomes)
    {
        var ranked = outcomes.OrderBy(outcome => outcome.Score).ToList();
        double positiveRankSum = 0;
        var positives = 0;
        var index = 0;
        while (index < ranked.Count)
        {
            var end = index;
            while (end < ranked.Count && ranked[end].Score == ranked[index].Score)
            {
                end++;
            }

            var averageRank = (index + 1 + end) / 2.0;
            for (var i = index; i < end; i++)
            {
                if (ranked[i].Actual)
                {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }

            index = end;
        }

        var negatives = ranked.Count - positives;
        return positives == 0 || negatives == 0
            ? double.NaN
            : (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    private static double Round(double value) => double.IsNaN(value) ? value : Math.Round(value, 4);
}
