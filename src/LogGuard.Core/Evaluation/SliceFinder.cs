using LogGuard.Core.Monitoring.Statistics;

namespace LogGuard.Core.Evaluation;

/// <summary>A group of lines that share one value of one property, for example <c>format = access</c>.</summary>
public readonly record struct SliceKey(string Dimension, string Value);

/// <param name="Error">Share of the slice's lines the detector got wrong.</param>
/// <param name="FalsePositive">Share of the slice's normal lines flagged suspicious.</param>
/// <param name="FalseNegative">Share of the slice's suspicious lines missed.</param>
/// <param name="PValue">Two-proportion z-test of the slice's error rate against the rest of the lines; null when the slice is too small to test.</param>
/// <param name="AdjustedPValue">The p-value after the Benjamini–Hochberg correction over every tested slice.</param>
public sealed record SliceResult(
    SliceKey Key,
    Proportion Error,
    Proportion FalsePositive,
    Proportion FalseNegative,
    double? PValue,
    double? AdjustedPValue,
    bool IsHotspot);

public sealed record SliceOptions
{
    /// <summary>Slices smaller than this are listed but never tested: a handful of lines proves nothing.</summary>
    public int MinimumSize { get; init; } = 30;

    /// <summary>The false-discovery rate at which a worse slice is called a hotspot.</summary>
    public double FalseDiscoveryRate { get; init; } = 0.05;
}

/// <summary>
/// Finds where a detector fails: every slice's error, false-positive and false-negative rates with Wilson
/// intervals, and the hotspots, the slices whose error rate is significantly worse than the rest of the lines.
/// Many slices are tested at once, so the p-values are corrected (Benjamini–Hochberg) before anything is called a hotspot.
/// </summary>
public sealed class SliceFinder(SliceOptions options)
{
    /// <param name="outcomes">Every line's outcome, in the order of <paramref name="slicesOf"/>'s indices.</param>
    /// <param name="slicesOf">The slices line <c>i</c> belongs to: at most one value per dimension.</param>
    public IReadOnlyList<SliceResult> Find(IReadOnlyList<ScoredOutcome> outcomes, Func<int, IEnumerable<SliceKey>> slicesOf)
    {
        var members = new Dictionary<SliceKey, List<int>>();
        for (var i = 0; i < outcomes.Count; i++)
        {
            foreach (var key in slicesOf(i))
            {
                if (!members.TryGetValue(key, out var list))
                {
                    members[key] = list = [];
                }

                list.Add(i);
            }
        }

        var totalErrors = outcomes.Count(outcome => !outcome.Correct);
        var slices = members.Select(pair => Measure(pair.Key, pair.Value, outcomes, totalErrors)).ToList();
        var adjusted = BenjaminiHochberg(slices.Where(slice => slice.PValue is not null).Select(slice => slice.PValue!.Value).ToList());
        var tested = 0;
        for (var i = 0; i < slices.Count; i++)
        {
            if (slices[i].PValue is null)
            {
                continue;
            }

            var q = adjusted[tested++];
            slices[i] = slices[i] with { AdjustedPValue = q, IsHotspot = q < options.FalseDiscoveryRate && WorseThanRest(slices[i], outcomes.Count, totalErrors) };
        }

        return [.. slices.OrderByDescending(slice => slice.IsHotspot).ThenByDescending(slice => slice.Error.Rate).ThenBy(slice => slice.Key.Dimension, StringComparer.Ordinal)];
    }

    private SliceResult Measure(SliceKey key, List<int> lines, IReadOnlyList<ScoredOutcome> outcomes, int totalErrors)
    {
        int errors = 0, normals = 0, falsePositives = 0, suspicious = 0, falseNegatives = 0;
        foreach (var line in lines)
        {
            var outcome = outcomes[line];
            errors += outcome.Correct ? 0 : 1;
            if (outcome.Actual)
            {
                suspicious++;
                falseNegatives += outcome.Predicted ? 0 : 1;
            }
            else
            {
                normals++;
                falsePositives += outcome.Predicted ? 1 : 0;
            }
        }

        var rest = outcomes.Count - lines.Count;
        double? p = lines.Count >= options.MinimumSize && rest > 0
            ? SignificanceTests.TwoProportionZ(errors, lines.Count, totalErrors - errors, rest).PValue
            : null;
        return new SliceResult(key, Proportion.Of(errors, lines.Count), Proportion.Of(falsePositives, normals), Proportion.Of(falseNegatives, suspicious), p, null, false);
    }

    private static bool WorseThanRest(SliceResult slice, int totalLines, int totalErrors)
    {
        var rest = totalLines - slice.Error.Total;
        return rest > 0 && slice.Error.Rate > (double)(totalErrors - slice.Error.Count) / rest;
    }

    /// <summary>Benjamini–Hochberg adjusted p-values (q-values), in the order given.</summary>
    internal static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        var order = Enumerable.Range(0, pValues.Count).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[pValues.Count];
        var running = 1.0;
        for (var rank = pValues.Count; rank >= 1; rank--)
        {
            var index = order[rank - 1];
            running = Math.Min(running, pValues[index] * pValues.Count / rank);
            adjusted[index] = running;
        }

        return adjusted;
    }
}
