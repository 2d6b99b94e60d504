using MathNet.Numerics.Distributions;

namespace Doc2Hash.Reporting.Statistics;

/// <summary>
/// Welch's unequal-variance t-test of two independent samples (Welch, Biometrika 1947): here the seeds' test P@K of
/// two table cells, so the sample is the training randomness rather than the queries. Reimers and Gurevych
/// ("Reporting score distributions makes a difference", EMNLP 2017) recommend it for comparing score distributions
/// over seeds. t = (mean A - mean B) / sqrt(s²_A / n_A + s²_B / n_B) with the Welch–Satterthwaite degrees of freedom
/// (s²_A/n_A + s²_B/n_B)² / ((s²_A/n_A)² / (n_A - 1) + (s²_B/n_B)² / (n_B - 1)); the p-value is two-sided,
/// 2 P(T ≥ |t|) from Math.NET's Student's t-distribution (real degrees of freedom).
/// </summary>
public static class WelchTest
{
    /// <summary>
    /// The test of mean(A) = mean(B), or null when it cannot be computed: fewer than 2 values on a side, or no spread
    /// on either side (every seed gave the same number, as a deterministic method does), where t is undefined.
    /// </summary>
    public static WelchTestResult? Test(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count < 2 || b.Count < 2) return null;
        var left = MeanAndSpread.Of(a);
        var right = MeanAndSpread.Of(b);
        double va = left.StandardDeviation * left.StandardDeviation / a.Count;
        double vb = right.StandardDeviation * right.StandardDeviation / b.Count;
        double variance = va + vb;
        if (!(variance > 0)) return null;
        double t = (left.Mean - right.Mean) / Math.Sqrt(variance);
        double df = variance * variance / (va * va / (a.Count - 1) + vb * vb / (b.Count - 1));
        double p = Math.Min(1.0, 2 * StudentT.CDF(0, 1, df, -Math.Abs(t)));
        return new WelchTestResult(left.Mean - right.Mean, t, df, p, a.Count, b.Count);
    }
}

/// <summary>The outcome of <see cref="WelchTest"/>: A - B, the t statistic, its degrees of freedom and the two-sided p-value.</summary>
public sealed record WelchTestResult(double MeanDifference, double T, double DegreesOfFreedom, double PValue, int CountA, int CountB)
{
    public bool IsSignificant(double alpha = PairedTestResult.DefaultAlpha) => PValue < alpha;
}
