using Doc2Hash.Hashing.Relaxations;
using static TorchSharp.torch;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Hashing.Relaxations;

public class BernoulliKlTests
{
    private const double Ln3 = 1.0986122886681098;

    [Fact]
    public void Per_bit_KL_sums_over_bits_and_averages_over_documents()
    {
        // Bit logits (0, ln 3) give q = (1/4, 3/4): KL = 1/4 ln(2/4) + 3/4 ln(6/4) = 0.1308120 (hand-computed);
        // (ln 3, 0) gives the same by symmetry; (0, 0) gives q = (1/2, 1/2) and KL = 0.
        // Document 1: bits (0, ln 3), (0, 0) -> 0.1308120. Document 2: (ln 3, 0), (0, ln 3) -> 0.2616241. Mean 0.1962181.
        using var logits = tensor(new[] { 0, Ln3, 0, 0, Ln3, 0, 0, Ln3 }).view(2, 2, 2);
        double perBit = 0.25 * Math.Log(0.5) + 0.75 * Math.Log(1.5);
        Assert.Equal(0.1308120, perBit, 6);
        using var kl = BernoulliKl.Compute(logits, KlForm.PerBit);
        Assert.Equal((perBit + 2 * perBit) / 2, kl.item<double>(), 6);
    }

    [Fact]
    public void Per_bit_KL_is_zero_for_uniform_bits()
    {
        using var logits = zeros(3, 8, 2);
        using var kl = BernoulliKl.Compute(logits, KlForm.PerBit);
        Assert.Equal(0f, kl.item<float>(), 6);
    }

    [Fact]
    public void Authors_flat_softmax_form_matches_the_hand_computed_value()
    {
        // One document, flat logits (0, ln 3, 0, 0): p = (1, 3, 1, 1) / 6.
        // sum p ln p + ln 2 = 3 * (1/6) ln(1/6) + (1/2) ln(1/2) + ln 2 = ln(2 / sqrt(12)) = -ln(sqrt 3) = -0.5493061.
        // (Negative: this form is KL to the uniform over 2L outcomes minus ln L, not a KL to the bit prior.)
        using var logits = tensor(new[] { 0, Ln3, 0, 0 }).view(1, 2, 2);
        using var kl = BernoulliKl.Compute(logits, KlForm.AuthorsFlatSoftmax);
        Assert.Equal(-0.5493061, kl.item<double>(), 6);
    }

    [Fact]
    [BadInput("model", "KL of logits of the wrong shape", "ArgumentException naming the shape (4, 6)")]
    public void Logits_of_the_wrong_shape_are_rejected_with_the_shape_in_the_message()
    {
        using var logits = zeros(4, 6);
        var error = Assert.Throws<ArgumentException>(() => BernoulliKl.Compute(logits, KlForm.PerBit));
        Assert.Contains("(4, 6)", error.Message);
    }

    [Fact]
    public void Per_bit_terms_and_free_bits_clamp_the_batch_mean_of_each_bit()
    {
        // Two documents, two bits. KL(1/4 or 3/4) = 0.1308120 (above); bit 1: (0.1308, 0.1308) -> mean 0.1308;
        // bit 2: (0, 0.1308) -> mean 0.0654060.
        using var logits = tensor(new[] { 0, Ln3, 0, 0, Ln3, 0, 0, Ln3 }).view(2, 2, 2);
        double k = 0.25 * Math.Log(0.5) + 0.75 * Math.Log(1.5);
        using var perBit = BernoulliKl.PerBit(logits);
        var values = perBit.data<double>().ToArray();   // (doc, bit)
        Assert.Equal(new long[] { 2, 2 }, perBit.shape);
        Assert.All(new[] { (k, values[0]), (0.0, values[1]), (k, values[2]), (k, values[3]) }, p => Assert.Equal(p.Item1, p.Item2, 12));
        // lambda 0.1: max(0.1, 0.1308) + max(0.1, 0.0654) = 0.2308120. lambda 0.05: nothing clamped, 0.1962181 = the plain KL.
        // lambda 0.2: both clamped, 0.4. (Clamping is of the batch mean, not of each document's 0 for bit 2.)
        Assert.Equal(0.2308120, BernoulliKl.WithFreeBits(logits, 0.1).item<double>(), 6);
        Assert.Equal(BernoulliKl.Compute(logits, KlForm.PerBit).item<double>(), BernoulliKl.WithFreeBits(logits, 0.05).item<double>(), 12);
        Assert.Equal(0.4, BernoulliKl.WithFreeBits(logits, 0.2).item<double>(), 12);
    }

    [Fact]
    public void Free_bits_give_no_kl_gradient_to_a_clamped_bit()
    {
        using var logits = tensor(new[] { 0, Ln3, 0, 0, Ln3, 0, 0, Ln3 }).view(2, 2, 2).requires_grad_();
        BernoulliKl.WithFreeBits(logits, 0.1).backward();
        var grad = logits.grad!.data<double>().ToArray();      // layout (doc, bit, class)
        Assert.All(new[] { grad[2], grad[3], grad[6], grad[7] }, g => Assert.Equal(0, g));   // bit 2 (mean 0.065 < 0.1): clamped
        Assert.NotEqual(0, grad[1]);                                                       // bit 1 (mean 0.131 > 0.1): live
    }

    [Fact]
    public void Collapse_statistics_are_the_mean_kl_per_bit_and_the_share_below_0_01_nats()
    {
        // Bit 1 mean KL 0.1308120, bit 2 mean 0, bit 3 (logits 0, 0.1: q = sigmoid(0.1)) KL = 0.0012484 < 0.01 nats
        // (q = 0.5249792; about 2 (q - 1/2)^2 = 0.00125).
        using var logits = tensor(new[] { 0, Ln3, 0, 0, 0, 0.1, 0, Ln3, 0, 0, 0, 0.1 }).view(2, 3, 2);
        double q = 1 / (1 + Math.Exp(-0.1)), small = q * Math.Log(2 * q) + (1 - q) * Math.Log(2 * (1 - q));
        Assert.Equal(0.0012484, small, 6);
        var stats = BitCollapse.Of(logits);
        Assert.Equal((0.1308120 + small) / 3, stats[BitCollapse.MeanKlPerBitName].item<double>(), 6);
        Assert.Equal(2.0 / 3, stats[BitCollapse.CollapsedShareName].item<double>(), 12);
        Assert.False(stats[BitCollapse.MeanKlPerBitName].requires_grad);
    }
}
