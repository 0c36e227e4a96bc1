using MathNet.Numerics.Distributions;

namespace LogGuard.Core.Evaluation;

/// <summary>
/// A rate with its Wilson score interval. Wilson rather than the normal interval because slices are often small
/// and their error rates close to 0 or 1, where the normal interval leaves [0, 1] or collapses to a point.
/// </summary>
public readonly record struct Proportion(long Count, long Total, double Rate, double Low, double High)
{
    public const double DefaultConfidence = 0.95;

    public static Proportion Of(long count, long total, double confidence = DefaultConfidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, total);
        if (total == 0)
        {
            return new Proportion(0, 0, 0, 0, 1);
        }

        var z = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        var n = (double)total;
        var rate = count / n;
        var denominator = 1 + (z * z / n);
        var centre = (rate + (z * z / (2 * n))) / denominator;
        var halfWidth = z * Math.Sqrt((rate * (1 - rate) / n) + (z * z / (4 * n * n))) / denominator;
        return new Proportion(count, total, rate, Math.Max(0, centre - halfWidth), Math.Min(1, centre + halfWidth));
    }
}
