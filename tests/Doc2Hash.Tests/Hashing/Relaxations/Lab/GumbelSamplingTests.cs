using Doc2Hash.Hashing.Relaxations.Lab;

namespace Doc2Hash.Tests.Hashing.Relaxations.Lab;

public class GumbelSamplingTests
{
    private static readonly double[] Logits = [1.0, 0.0, -0.5, 2.0];

    /// <summary>Chi-square 0.999 quantile with 3 degrees of freedom (tables; scipy.stats.chi2.ppf(0.999, 3) = 16.266).</summary>
    private const double ChiSquare3At999 = 16.266;

    [Fact]
    public void Gumbel_max_frequencies_match_the_softmax_probabilities_by_a_chi_square_test()
    {
        const int samples = 20000;
        var probabilities = GumbelSampling.SoftmaxProbabilities(Logits);
        var frequencies = GumbelSampling.GumbelMaxFrequencies(Logits, samples, seed: 1);
        Assert.Equal(1, frequencies.Sum(), 12);
        double chi = GumbelSampling.ChiSquare(frequencies, probabilities, samples);
        Assert.True(chi < ChiSquare3At999, $"chi-square {chi:F2}");
    }

    [Fact]
    public void The_chi_square_test_rejects_frequencies_from_other_logits()
    {
        const int samples = 20000;
        var frequencies = GumbelSampling.GumbelMaxFrequencies([1.0, 0.0, -0.5, 1.8], samples, seed: 1);
        Assert.True(GumbelSampling.ChiSquare(frequencies, GumbelSampling.SoftmaxProbabilities(Logits), samples) > 3 * ChiSquare3At999);
    }

    [Fact]
    public void Softmax_probabilities_are_hand_computable()
    {
        var p = GumbelSampling.SoftmaxProbabilities([0.0, Math.Log(3)]);
        Assert.Equal(0.25, p[0], 12);
        Assert.Equal(0.75, p[1], 12);
    }

    [Fact]
    public void Gumbel_softmax_samples_lie_on_the_simplex_and_harden_as_the_temperature_falls()
    {
        double[] logits = [0.5, 0.0, -1.0];
        var warm = GumbelSampling.GumbelSoftmaxSamples(logits, 5.0, 500, seed: 3);
        var cold = GumbelSampling.GumbelSoftmaxSamples(logits, 0.1, 500, seed: 3);
        Assert.Equal(500, warm.Length);
        Assert.All(warm.Concat(cold), row =>
        {
            Assert.Equal(3, row.Length);
            Assert.Equal(1, row.Sum(), 12);
            Assert.All(row, x => Assert.InRange(x, 0, 1));
        });
        Assert.True(cold.Average(r => r.Max()) > 0.95);
        Assert.True(warm.Average(r => r.Max()) < 0.6);
    }
}
