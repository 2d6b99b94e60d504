namespace Doc2Hash.Reporting.Statistics;

/// <summary>
/// How per-query scores of several seeds become one paired test between two methods: each method's per-query
/// precision is first averaged over its seeds, then the two averaged vectors are tested query by query.
/// <para>
/// Why averaging rather than pairing seed i of A with seed i of B: the seeds of two different methods share nothing
/// but a number (each architecture consumes its generator differently), so pairing them would couple unrelated runs
/// and make the p-value depend on an arbitrary labelling; it would also need equal seed counts. The seed-averaged
/// per-query precision estimates each query's expected precision over training randomness, and its mean over queries
/// is exactly the mean over seeds of P@K that the table cell reports, so the test speaks about the number shown.
/// The test then treats the queries as the sample (as IR significance testing does, Smucker et al., CIKM 2007) and is
/// conditional on the trained seeds; training variance is reported beside it as the standard deviation over seeds
/// (Reimers and Gurevych, EMNLP 2017, on seed variance; Dror et al., ACL 2018, on choosing the test).
/// </para>
/// </summary>
public static class SeedCombination
{
    /// <summary>Per-query mean over seeds; every seed must score the same queries.</summary>
    public static double[] AverageOverSeeds(IReadOnlyList<IReadOnlyList<float>> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0) throw new ArgumentException("Averaging over seeds needs at least one seed's per-query scores.", nameof(seeds));
        int queries = seeds[0].Count;
        int mismatch = seeds.ToList().FindIndex(s => s.Count != queries);
        if (mismatch >= 0)
            throw new ArgumentException($"Seed {mismatch} scored {seeds[mismatch].Count} queries but seed 0 scored {queries}; every seed must use the same test queries.", nameof(seeds));
        var mean = new double[queries];
        foreach (var seed in seeds)
            for (int q = 0; q < queries; q++) mean[q] += seed[q];
        for (int q = 0; q < queries; q++) mean[q] /= seeds.Count;
        return mean;
    }

    /// <summary>
    /// The sign-flip permutation test of A against B on seed-averaged per-query scores (the tables' test).
    /// </summary>
    public static PairedTestResult Compare(IReadOnlyList<IReadOnlyList<float>> a, IReadOnlyList<IReadOnlyList<float>> b,
        int samples = SignFlipTest.DefaultSamples, int seed = 1) =>
        SignFlipTest.Test(AverageOverSeeds(a), AverageOverSeeds(b), samples, seed);
}
