using Doc2Hash.Reporting.Statistics;

namespace Doc2Hash.Tests.Reporting.Statistics;

public class PairedTestsTests
{
    [Fact]
    public void Exact_sign_flip_test_on_four_queries_matches_the_hand_enumeration()
    {
        // d = (0.1, -0.2, 0.3, 0.4), observed sum 0.6. The 16 sums +-0.1 +-0.2 +-0.3 +-0.4 are
        // 1.0, 0.2, 0.4, -0.4, 0.6, -0.2, 0.0, -0.8, 0.8, 0.0, 0.2, -0.6, 0.4, -0.4, -0.2, -1.0;
        // six have |sum| >= 0.6 (1.0, 0.6, -0.8, 0.8, -0.6, -1.0): p = 6/16.
        var result = SignFlipTest.Test([0.1, -0.2, 0.3, 0.4]);
        Assert.Equal(6.0 / 16, result.PValue, 12);
        Assert.Equal(0.15, result.MeanDifference, 12);
        Assert.Contains("exact", result.Procedure);
    }

    [Fact]
    public void All_positive_differences_on_four_queries_give_two_in_sixteen()
    {
        // Only all-plus (1.0) and all-minus (-1.0) reach |sum| >= 1.0.
        Assert.Equal(2.0 / 16, SignFlipTest.Test([0.4, 0.3, 0.2, 0.1], [0.3, 0.1, -0.1, -0.3]).PValue, 12);
    }

    [Fact]
    public void Exact_test_agrees_with_scipy_on_twelve_queries()
    {
        // scipy 1.10.1: permutation_test((a, b), mean(x - y), permutation_type='samples', n_resamples=inf) -> 0.02197265625 (= 90 / 4096).
        double[] a = [0.61, 0.42, 0.55, 0.38, 0.71, 0.66, 0.49, 0.52, 0.60, 0.47, 0.58, 0.44];
        double[] b = [0.55, 0.45, 0.50, 0.30, 0.69, 0.60, 0.51, 0.43, 0.58, 0.49, 0.50, 0.41];
        Assert.Equal(0.02197265625, SignFlipTest.Test(a, b).PValue, 12);
    }

    [Fact]
    public void Identical_methods_give_p_one_in_both_tests()
    {
        var scores = Enumerable.Range(0, 50).Select(i => (i % 7) / 10.0).ToArray();
        Assert.Equal(1.0, SignFlipTest.Test(scores, scores).PValue);
        Assert.Equal(1.0, PairedBootstrap.Test(scores, scores).PValue);
        Assert.Equal(0.0, PairedBootstrap.Test(scores, scores).ConfidenceHigh);
    }

    [Fact]
    public void A_large_constant_difference_gives_p_near_zero_in_both_tests()
    {
        var b = Enumerable.Range(0, 200).Select(i => (i % 10) / 20.0).ToArray();
        var a = b.Select(x => x + 0.3).ToArray();
        var flip = SignFlipTest.Test(a, b, samples: 2000);
        var bootstrap = PairedBootstrap.Test(a, b, resamples: 2000);
        Assert.Equal(1.0 / 2001, flip.PValue, 12);        // no random sign vector reaches the all-plus sum
        Assert.Equal(1.0 / 2001, bootstrap.PValue, 12);   // every centred resample is exactly 0
        Assert.Equal(0.3, bootstrap.ConfidenceLow, 9);
        Assert.Equal(0.3, bootstrap.ConfidenceHigh, 9);
    }

    [Fact]
    public void Monte_carlo_and_bootstrap_are_repeatable_with_a_seed_and_near_the_exact_value()
    {
        // 24 queries: beyond the exact limit. Noisy differences with a small positive mean.
        var random = new Random(5);
        var d = Enumerable.Range(0, 24).Select(_ => random.NextDouble() - 0.4).ToArray();
        var first = SignFlipTest.Test(d, samples: 20_000, seed: 3);
        Assert.Equal(first, SignFlipTest.Test(d, samples: 20_000, seed: 3));
        Assert.Contains("random sign vectors", first.Procedure);
        // The exact p-value on the first 20 queries alone and the bootstrap are both in the same region, far from 0 and 1.
        var boot = PairedBootstrap.Test(d, resamples: 20_000, seed: 3);
        Assert.Equal(boot, PairedBootstrap.Test(d, resamples: 20_000, seed: 3));
        Assert.InRange(Math.Abs(first.PValue - boot.PValue), 0, 0.05);
        Assert.True(boot.ConfidenceLow < first.MeanDifference && first.MeanDifference < boot.ConfidenceHigh);
    }

    [Fact]
    public void Averaging_over_seeds_then_testing_uses_per_query_means()
    {
        // Method A: two seeds; B: three seeds (seed counts may differ). Per-query means: A = (0.5, 0.7), B = (0.4, 0.4).
        IReadOnlyList<float>[] a = [new[] { 0.4f, 0.6f }, new[] { 0.6f, 0.8f }];
        IReadOnlyList<float>[] b = [new[] { 0.4f, 0.4f }, new[] { 0.3f, 0.5f }, new[] { 0.5f, 0.3f }];
        Assert.Equal([0.5, 0.7], SeedCombination.AverageOverSeeds(a).Select(x => Math.Round(x, 6)));
        var result = SeedCombination.Compare(a, b);
        Assert.Equal(0.2, result.MeanDifference, 6);        // ((0.1) + (0.3)) / 2
        Assert.Equal(2.0 / 4, result.PValue, 12);           // sums +-0.1 +-0.3: |0.4| twice out of 4
    }

    [Fact]
    public void Mismatched_queries_are_a_clear_error()
    {
        Assert.Contains("same queries", Assert.Throws<ArgumentException>(() => SignFlipTest.Test([0.1, 0.2], [0.1])).Message);
        IReadOnlyList<float>[] seeds = [new[] { 0.1f }, new[] { 0.1f, 0.2f }];
        Assert.Contains("same test queries", Assert.Throws<ArgumentException>(() => SeedCombination.AverageOverSeeds(seeds)).Message);
    }
}
