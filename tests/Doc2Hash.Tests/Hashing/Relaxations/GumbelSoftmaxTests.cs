using Doc2Hash.Hashing.Relaxations;
using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Hashing.Relaxations;

public class GumbelSoftmaxTests
{
    // Three bits whose "1" probabilities are softmax((a, b))[1] = 1/2, 3/4 and 1/5.
    private static readonly float[] BitLogits = [0f, 0f, 0f, MathF.Log(3f), MathF.Log(4f), 0f];
    private static readonly double[] ProbabilityOfOne = [0.5, 0.75, 0.2];

    private static Tensor Logits(int samples) => tensor(BitLogits).view(1, 3, 2).expand(samples, 3, 2).contiguous();

    [Fact]
    public void Hard_outcome_frequencies_match_the_softmax_of_the_logits_within_four_standard_errors()
    {
        const int samples = 20000;
        using var scope = NewDisposeScope();
        using var generator = new Generator(7);
        var y = GumbelSoftmax.Sample(Logits(samples), temperature: 0.5, GumbelMode.StraightThrough, generator);
        var frequencies = y.select(2, 1).mean([0]).data<float>().ToArray();
        for (int bit = 0; bit < 3; bit++)
        {
            double p = ProbabilityOfOne[bit];
            double standardError = Math.Sqrt(p * (1 - p) / samples);
            Assert.InRange(frequencies[bit], p - 4 * standardError, p + 4 * standardError);
        }
    }

    [Fact]
    public void Straight_through_forward_values_are_exactly_one_hot()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(3);
        var y = GumbelSoftmax.Sample(Logits(100), 1.0, GumbelMode.StraightThrough, generator);
        var values = y.data<float>().ToArray();
        Assert.All(values, v => Assert.True(v == 0f || v == 1f, $"value {v} is not 0 or 1"));
        Assert.Equal(300f, values.Sum());
    }

    [Fact]
    public void Soft_samples_approach_one_hot_as_the_temperature_falls()
    {
        using var scope = NewDisposeScope();
        var meanMax = new List<double>();
        foreach (double tau in new[] { 5.0, 1.0, 0.5, 0.1, 0.01 })
        {
            using var generator = new Generator(11);
            var y = GumbelSoftmax.Sample(Logits(2000), tau, GumbelMode.Soft, generator);
            meanMax.Add(y.max(-1).values.mean().item<float>());
        }
        for (int i = 1; i < meanMax.Count; i++) Assert.True(meanMax[i] > meanMax[i - 1], $"mean max-probability {string.Join(", ", meanMax)} is not increasing");
        Assert.True(meanMax[^1] > 0.99, $"at tau 0.01 the mean max-probability is {meanMax[^1]}");
    }

    [Fact]
    public void Straight_through_passes_non_zero_gradients_to_the_logits()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(5);
        var logits = tensor(BitLogits).view(1, 3, 2).requires_grad_(true);
        var y = GumbelSoftmax.Sample(logits, 0.5, GumbelMode.StraightThrough, generator);
        // A loss that prefers class 1 on every bit: its gradient through the soft sample is non-zero.
        (y.select(2, 1) * tensor(new float[] { 1, 2, 3 })).sum().backward();
        var gradient = logits.grad!.data<float>().ToArray();
        Assert.Contains(gradient, g => Math.Abs(g) > 1e-6);
    }

    [Fact]
    public void Equal_generator_seeds_give_equal_samples()
    {
        using var scope = NewDisposeScope();
        using var first = new Generator(42);
        using var second = new Generator(42);
        var a = GumbelSoftmax.Sample(Logits(50), 0.7, GumbelMode.Soft, first).data<float>().ToArray();
        var b = GumbelSoftmax.Sample(Logits(50), 0.7, GumbelMode.Soft, second).data<float>().ToArray();
        Assert.Equal(a, b);
    }
}
