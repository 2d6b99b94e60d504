namespace Doc2Hash.Reporting.Statistics;

/// <summary>
/// The paired bootstrap of a mean difference (Efron and Tibshirani, "An Introduction to the Bootstrap", 1993,
/// sec. 16.4; used for NLP by Berg-Kirkpatrick, Burkett and Klein, EMNLP 2012): queries are resampled with
/// replacement, keeping each query's pair together. The p-value is the share of resampled means of the centred
/// differences (d_i - mean d, which obey the null hypothesis) at least as far from 0 as the observed mean, counted as
/// (1 + hits) / (1 + resamples); the 95% interval is the 2.5% and 97.5% percentiles of the uncentred resampled means.
/// Identical inputs give p = 1; a constant non-zero difference gives p = 1 / (1 + resamples).
/// </summary>
public static class PairedBootstrap
{
    public const int DefaultResamples = 10_000;

    public static PairedTestResult Test(IReadOnlyList<double> a, IReadOnlyList<double> b, int resamples = DefaultResamples, int seed = 1) =>
        Test(PairedInput.Differences(a, b), resamples, seed);

    public static PairedTestResult Test(IReadOnlyList<double> differences, int resamples = DefaultResamples, int seed = 1)
    {
        PairedInput.Check(differences);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        int n = differences.Count;
        double mean = differences.Sum() / n;
        double tolerance = PairedInput.Tolerance(differences);
        var random = new Random(seed);
        var means = new double[resamples];
        long hits = 0;
        for (int r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += differences[random.Next(n)];
            means[r] = sum / n;
            // The centred resample's mean is the resample's mean minus the observed mean.
            if (Math.Abs(means[r] - mean) >= Math.Abs(mean) - tolerance / n) hits++;
        }
        Array.Sort(means);
        return new PairedTestResult(mean, (1.0 + hits) / (1.0 + resamples), n, $"paired bootstrap, {resamples:N0} resamples (seed {seed})",
            Percentile(means, 0.025), Percentile(means, 0.975));
    }

    // Nearest-rank percentile of sorted values.
    private static double Percentile(double[] sorted, double share) =>
        sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
}
