using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace LogGuard.Core.Monitoring.Statistics;

/// <summary>
/// The significance tests the signals use; each returns its statistic and a two-sided p-value. The distributions
/// and special functions come from Math.NET Numerics (all but the Kolmogorov series, which it lacks); what is
/// here is only how each test combines them.
/// </summary>
public static class SignificanceTests
{
    /// <summary>z-test of a sample mean against a known mean and standard deviation.</summary>
    public static TestResult MeanZ(double sampleMean, int n, double baselineMean, double baselineStdDev)
    {
        if (n == 0 || baselineStdDev <= 0)
        {
            return new TestResult(0, 1);
        }

        var z = (sampleMean - baselineMean) / (baselineStdDev / Math.Sqrt(n));
        return new TestResult(z, TwoSidedP(z));
    }

    /// <summary>Pooled two-proportion z-test.</summary>
    public static TestResult TwoProportionZ(long successes1, long n1, long successes2, long n2)
    {
        if (n1 == 0 || n2 == 0)
        {
            return new TestResult(0, 1);
        }

        var p1 = (double)successes1 / n1;
        var p2 = (double)successes2 / n2;
        var pooled = (double)(successes1 + successes2) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        if (se == 0)
        {
            return new TestResult(0, p1 == p2 ? 1 : 0);
        }

        var z = (p1 - p2) / se;
        return new TestResult(z, TwoSidedP(z));
    }

    /// <summary>Fisher's exact test on a 2×2 table [[a, b], [c, d]], two-sided (sum of tables no more likely than the observed).</summary>
    public static TestResult FisherExact(long a, long b, long c, long d)
    {
        var row1 = a + b;
        var col1 = a + c;
        var total = a + b + c + d;
        var low = Math.Max(0, col1 - (total - row1));
        var high = Math.Min(row1, col1);
        var observed = LogHypergeometric(a, row1, col1, total);
        double p = 0;
        for (var x = low; x <= high; x++)
        {
            var logP = LogHypergeometric(x, row1, col1, total);
            if (logP <= observed + 1e-9)
            {
                p += Math.Exp(logP);
            }
        }

        return new TestResult(observed, Math.Min(1, p));
    }

    /// <summary>Exact two-sided binomial test of k successes in n trials against rate p0 (by the method of small p-values).</summary>
    public static TestResult Binomial(long k, long n, double p0)
    {
        if (n == 0)
        {
            return new TestResult(0, 1);
        }

        if (p0 <= 0 || p0 >= 1)
        {
            var impossible = (p0 <= 0 && k > 0) || (p0 >= 1 && k < n);
            return new TestResult(k, impossible ? 0 : 1);
        }

        // Large n: the normal approximation is accurate and the exact sum would cost O(n).
        if (n > 20_000)
        {
            var z = (k - (n * p0)) / Math.Sqrt(n * p0 * (1 - p0));
            return new TestResult(z, TwoSidedP(z));
        }

        var observed = LogBinomialPmf(k, n, p0);
        double p = 0;
        for (long x = 0; x <= n; x++)
        {
            var logP = LogBinomialPmf(x, n, p0);
            if (logP <= observed + 1e-9)
            {
                p += Math.Exp(logP);
            }
        }

        return new TestResult((k - (n * p0)) / Math.Sqrt(n * p0 * (1 - p0)), Math.Min(1, p));
    }

    /// <summary>
    /// Two-sample Kolmogorov–Smirnov test between two samples given as counts over the same ordered buckets:
    /// D is the largest gap between their cumulative distributions, with the asymptotic p-value.
    /// </summary>
    public static TestResult KolmogorovSmirnov(IReadOnlyList<long> histogramA, IReadOnlyList<long> histogramB)
    {
        long n = histogramA.Sum(), m = histogramB.Sum();
        if (n == 0 || m == 0)
        {
            return new TestResult(0, 1);
        }

        double d = 0, cumulativeA = 0, cumulativeB = 0;
        for (var i = 0; i < histogramA.Count; i++)
        {
            cumulativeA += histogramA[i] / (double)n;
            cumulativeB += histogramB[i] / (double)m;
            d = Math.Max(d, Math.Abs(cumulativeA - cumulativeB));
        }

        var effective = Math.Sqrt((double)n * m / (n + m));
        var lambda = (effective + 0.12 + (0.11 / effective)) * d;
        return new TestResult(d, KolmogorovQ(lambda));
    }

    /// <summary>Jensen–Shannon distance (base 2, in [0, 1]) between two distributions over the same buckets.</summary>
    public static double JensenShannonDistance(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        double divergence = 0;
        for (var i = 0; i < p.Count; i++)
        {
            var mean = (p[i] + q[i]) / 2;
            divergence += (Term(p[i], mean) + Term(q[i], mean)) / 2;
        }

        return Math.Sqrt(Math.Max(0, divergence));

        static double Term(double x, double mean) => x > 0 ? x * Math.Log2(x / mean) : 0;
    }

    public static double TwoSidedP(double z) => 2 * (1 - NormalCdf(Math.Abs(z)));

    public static double NormalCdf(double z) => Normal.CDF(0, 1, z);

    // The Kolmogorov distribution's survival function, Q(λ) = 2 Σ (−1)^(j−1) e^(−2j²λ²): Math.NET has no
    // Kolmogorov distribution, so its standard series is summed here until the terms vanish.
    private static double KolmogorovQ(double lambda)
    {
        if (lambda < 0.2)
        {
            return 1;
        }

        double sum = 0;
        for (var j = 1; j <= 100; j++)
        {
            var term = 2 * (j % 2 == 1 ? 1 : -1) * Math.Exp(-2 * j * j * lambda * lambda);
            sum += term;
            if (Math.Abs(term) < 1e-10)
            {
                break;
            }
        }

        return Math.Clamp(sum, 0, 1);
    }

    private static double LogHypergeometric(long x, long row1, long col1, long total) =>
        LogChoose(col1, x) + LogChoose(total - col1, row1 - x) - LogChoose(total, row1);

    private static double LogBinomialPmf(long k, long n, double p) =>
        LogChoose(n, k) + (k * Math.Log(p)) + ((n - k) * Math.Log(1 - p));

    private static double LogChoose(long n, long k) => SpecialFunctions.BinomialLn(checked((int)n), checked((int)k));
}

/// <param name="Statistic">The test statistic (z, D, or a log-probability for Fisher).</param>
/// <param name="PValue">Two-sided p-value.</param>
public readonly record struct TestResult(double Statistic, double PValue);
