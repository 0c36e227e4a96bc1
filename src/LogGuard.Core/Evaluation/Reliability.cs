namespace LogGuard.Core.Evaluation;

/// <summary>One probability bin of a reliability table: how often lines given about this probability really were suspicious.</summary>
public sealed record ReliabilityBin(double From, double To, int Count, double MeanProbability, Proportion Observed);

/// <summary>
/// Whether a probability means what it says: lines binned by predicted probability, each bin's observed rate of
/// suspicious lines beside its mean prediction, and the expected calibration error (the count-weighted mean gap).
/// </summary>
public sealed record Reliability(IReadOnlyList<ReliabilityBin> Bins, double ExpectedCalibrationError)
{
    public const int DefaultBins = 10;

    public static Reliability Of(IReadOnlyCollection<(double Probability, bool Actual)> lines, int binCount = DefaultBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        var bins = new List<ReliabilityBin>(binCount);
        double weightedGap = 0;
        for (var bin = 0; bin < binCount; bin++)
        {
            var from = (double)bin / binCount;
            var to = (double)(bin + 1) / binCount;
            var members = lines.Where(line => BinOf(line.Probability, binCount) == bin).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            var meanProbability = members.Average(line => line.Probability);
            var observed = Proportion.Of(members.Count(line => line.Actual), members.Count);
            bins.Add(new ReliabilityBin(from, to, members.Count, Math.Round(meanProbability, 4), observed));
            weightedGap += members.Count * Math.Abs(observed.Rate - meanProbability);
        }

        return new Reliability(bins, lines.Count == 0 ? 0 : Math.Round(weightedGap / lines.Count, 4));
    }

    // The last bin is closed, so a probability of exactly 1 belongs to it.
    private static int BinOf(double probability, int binCount) => Math.Clamp((int)(probability * binCount), 0, binCount - 1);
}
