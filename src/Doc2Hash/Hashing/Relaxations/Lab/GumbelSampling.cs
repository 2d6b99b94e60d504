using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Relaxations.Lab;

/// <summary>
/// The first part of the relaxation lab, as plain arrays for tables and figures: the Gumbel-max trick
/// (argmax_k (logit_k + g_k) is an exact sample of softmax(logits), Gumbel 1954 / Maddison et al. 2014) and
/// Gumbel-Softmax samples on the simplex at a temperature. Both draw their noise with <see cref="GumbelSoftmax"/>.
/// </summary>
public static class GumbelSampling
{
    /// <summary>softmax(logits), the probabilities the Gumbel-max frequencies should match.</summary>
    public static double[] SoftmaxProbabilities(double[] logits)
    {
        CheckLogits(logits);
        using var probabilities = tensor(logits, dtype: ScalarType.Float64).softmax(0);
        return probabilities.data<double>().ToArray();
    }

    /// <summary>Empirical category frequencies of <paramref name="samples"/> Gumbel-max draws argmax_k (logit_k + g_k).</summary>
    public static double[] GumbelMaxFrequencies(double[] logits, int samples, int seed)
    {
        CheckLogits(logits);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)seed);
        var noise = GumbelSoftmax.SampleGumbel([samples, logits.Length], generator, CPU, ScalarType.Float64);   // (N, K)
        var winners = tensor(logits, dtype: ScalarType.Float64).add(noise).argmax(1);                          // (N)
        var counts = bincount(winners, minlength: logits.Length).to(ScalarType.Float64);                      // (K)
        using var n = ((double)samples).ToScalar();
        return counts.div(n).data<double>().ToArray();
    }

    /// <summary>
    /// Pearson's chi-square statistic sum_k N (f_k - p_k)^2 / p_k of observed frequencies against probabilities:
    /// about chi-square with K - 1 degrees of freedom when the frequencies are N draws from p.
    /// </summary>
    public static double ChiSquare(double[] frequencies, double[] probabilities, int samples)
    {
        if (frequencies.Length != probabilities.Length) throw new ArgumentException("Frequencies and probabilities need the same number of categories.");
        return frequencies.Zip(probabilities, (f, p) => samples * (f - p) * (f - p) / p).Sum();
    }

    /// <summary>
    /// <paramref name="samples"/> soft Gumbel-Softmax draws softmax((logits + g) / tau): rows of length K on the
    /// simplex (for K = 2 the first coordinate is 1 minus the second; for K = 3, points of a triangle).
    /// </summary>
    public static double[][] GumbelSoftmaxSamples(double[] logits, double temperature, int samples, int seed)
    {
        CheckLogits(logits);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)seed);
        var repeated = tensor(logits, dtype: ScalarType.Float64).unsqueeze(0).expand(samples, logits.Length);   // (N, K)
        var flat = GumbelSoftmax.Sample(repeated, temperature, GumbelMode.Soft, generator).data<double>().ToArray();
        return Enumerable.Range(0, samples).Select(i => flat.AsSpan(i * logits.Length, logits.Length).ToArray()).ToArray();
    }

    private static void CheckLogits(double[] logits)
    {
        if (logits.Length < 2) throw new ArgumentException($"Need at least two categories, got {logits.Length}.", nameof(logits));
        if (logits.Any(x => !double.IsFinite(x))) throw new ArgumentException("Logits must be finite.", nameof(logits));
    }
}
