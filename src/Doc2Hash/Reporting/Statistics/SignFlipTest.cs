namespace Doc2Hash.Reporting.Statistics;

/// <summary>
/// The paired randomization (sign-flip permutation) test of a mean difference: under the null hypothesis that A and
/// B are exchangeable on every query, each per-query difference d_i is as likely to be +d_i as -d_i, so the observed
/// |sum d_i| is compared with |sum s_i d_i| over sign vectors s (Fisher 1935, ch. 21; Smucker, Allan and Carterette,
/// "A comparison of statistical significance tests for information retrieval evaluation", CIKM 2007, who recommend
/// it for per-query retrieval scores). Up to <see cref="ExactLimit"/> queries every one of the 2^n sign vectors is
/// enumerated (an exact p-value); beyond that <c>samples</c> random sign vectors from a seeded generator give the
/// Monte Carlo p-value (1 + hits) / (1 + samples), which never reports 0 and is valid as a test
/// (Phipson and Smyth, "Permutation p-values should never be zero", SAGMB 2010).
/// </summary>
public static class SignFlipTest
{
    /// <summary>Largest query count tested exactly (2^20 = about a million sign vectors).</summary>
    public const int ExactLimit = 20;

    /// <summary>Default number of random sign vectors for the Monte Carlo test.</summary>
    public const int DefaultSamples = 10_000;

    /// <summary>Two-sided test of mean(A - B) = 0 from the paired per-query scores.</summary>
    public static PairedTestResult Test(IReadOnlyList<double> a, IReadOnlyList<double> b, int samples = DefaultSamples, int seed = 1) =>
        Test(PairedInput.Differences(a, b), samples, seed);

    /// <summary>Two-sided test of mean(d) = 0 for per-query differences d.</summary>
    public static PairedTestResult Test(IReadOnlyList<double> differences, int samples = DefaultSamples, int seed = 1)
    {
        PairedInput.Check(differences);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        double observed = Math.Abs(differences.Sum());
        double tolerance = PairedInput.Tolerance(differences);
        int n = differences.Count;
        double mean = differences.Sum() / n;
        if (n <= ExactLimit)
        {
            long total = 1L << n, hits = 0;
            for (long mask = 0; mask < total; mask++)
                if (Math.Abs(SignedSum(differences, mask)) >= observed - tolerance) hits++;
            return new PairedTestResult(mean, (double)hits / total, n, $"sign-flip permutation, exact ({total:N0} sign vectors)");
        }
        var random = new Random(seed);
        long montecarloHits = 0;
        for (int s = 0; s < samples; s++)
        {
            double sum = 0;
            foreach (double d in differences) sum += random.Next(2) == 0 ? d : -d;
            if (Math.Abs(sum) >= observed - tolerance) montecarloHits++;
        }
        return new PairedTestResult(mean, (1.0 + montecarloHits) / (1.0 + samples), n, $"sign-flip permutation, {samples:N0} random sign vectors (seed {seed})");
    }

    // Bit i of mask set = query i's difference flipped.
    private static double SignedSum(IReadOnlyList<double> differences, long mask)
    {
        double sum = 0;
        for (int i = 0; i < differences.Count; i++) sum += ((mask >> i) & 1) == 0 ? differences[i] : -differences[i];
        return sum;
    }
}
