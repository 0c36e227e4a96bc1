using LogGuard.Core.Evaluation;

namespace LogGuard.Training.Evaluation;

/// <summary>The ROC and precision-recall curves of a detector's scores, one point per distinct score used as a threshold.</summary>
public static class Curves
{
    public static (double[] FalsePositiveRates, double[] TruePositiveRates, double[] Precisions) Of(IReadOnlyCollection<ScoredOutcome> outcomes)
    {
        var positives = outcomes.Count(outcome => outcome.Actual);
        var negatives = outcomes.Count - positives;
        var ranked = outcomes.OrderByDescending(outcome => outcome.Score).ToList();
        List<double> fpr = [0], tpr = [0], precision = [1];
        int tp = 0, fp = 0;
        for (var i = 0; i < ranked.Count; i++)
        {
            tp += ranked[i].Actual ? 1 : 0;
            fp += ranked[i].Actual ? 0 : 1;
            var lastOfThisScore = i == ranked.Count - 1 || ranked[i + 1].Score != ranked[i].Score;
            if (lastOfThisScore)
            {
                fpr.Add(negatives == 0 ? 0 : (double)fp / negatives);
                tpr.Add(positives == 0 ? 0 : (double)tp / positives);
                precision.Add((double)tp / (tp + fp));
            }
        }

        return ([.. fpr], [.. tpr], [.. precision]);
    }
}
