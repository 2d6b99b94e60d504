using Doc2Hash.Hashing.Relaxations;
using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Hashing.Relaxations;

/// <summary>The KL terms and the straight-through Bernoulli estimator of VDSH and NASH on hand-computed cases.</summary>
public class LatentTermsTests
{
    [Fact]
    public void Gaussian_kl_matches_the_closed_form_by_hand()
    {
        // Dimension 1: mu 1, logvar 0 -> -1/2 (1 + 0 - 1 - 1) = 0.5. Dimension 2: mu 0, logvar ln 2 -> -1/2 (1 + ln 2 - 2) = 0.1534264.
        using var mean = tensor(new float[] { 1f, 0f }).view(1, 2);
        using var logVariance = tensor(new float[] { 0f, (float)Math.Log(2) }).view(1, 2);
        using var kl = GaussianKl.Compute(mean, logVariance);
        Assert.Equal(0.5 + 0.5 * (1 - Math.Log(2)), kl.item<float>(), 5);
    }

    [Fact]
    public void Bernoulli_kl_from_bit_logits_is_zero_at_one_half_and_matches_the_formula()
    {
        // q = sigmoid(ln 3) = 0.75: KL = 0.75 ln 1.5 + 0.25 ln 0.5 = 0.1308120; q = 0.5: 0. Averaged over two documents.
        using var logits = tensor(new float[] { (float)Math.Log(3), 0f, 0f, 0f }).view(2, 2);
        using var kl = BernoulliKl.FromBitLogits(logits);
        Assert.Equal((0.75 * Math.Log(1.5) + 0.25 * Math.Log(0.5)) / 2, kl.item<float>(), 5);
    }

    [Fact]
    public void Straight_through_passes_the_code_gradient_times_the_sigmoid_derivative_to_the_logits()
    {
        // Logits (0, 1): deterministic code (0, 1) since sigmoid(0) = 0.5 is not above 1/2. Loss = 2 z1 + 3 z2, so
        // dL/dz = (2, 3) and dL/dl = dL/dz * q (1 - q) = (2 * 0.25, 3 * 0.7310586 * 0.2689414) = (0.5, 0.5898358).
        using var logits = tensor(new float[] { 0f, 1f }, requires_grad: true);
        using var z = StraightThroughBernoulli.Sample(logits.view(1, 2), BinarySampling.Deterministic, null);
        Assert.Equal([0f, 1f], z.data<float>().ToArray().Select(v => MathF.Round(v, 6)));
        using var weights = tensor(new float[] { 2f, 3f }).view(1, 2);
        using var loss = z.mul(weights).sum();
        loss.backward();
        var gradient = logits.grad!.data<float>().ToArray();
        double q = 1 / (1 + Math.Exp(-1));
        Assert.Equal(0.5, gradient[0], 6);
        Assert.Equal(3 * q * (1 - q), gradient[1], 6);
    }

    [Fact]
    public void Stochastic_bits_are_one_exactly_where_the_uniform_draw_is_below_the_bernoulli_mean()
    {
        using var logits = tensor(new float[] { -2f, -0.5f, 0f, 0.5f, 2f, 1f }).view(2, 3);
        using var generator = new Generator(7);
        using var z = StraightThroughBernoulli.Sample(logits, BinarySampling.Stochastic, generator);
        using var replay = new Generator(7);
        using var u = rand([2, 3], generator: replay);
        var expected = u.lt(logits.sigmoid()).to(ScalarType.Float32).data<float>().ToArray();
        Assert.Equal(expected, z.data<float>().ToArray().Select(v => MathF.Round(v, 6)));
    }
}
