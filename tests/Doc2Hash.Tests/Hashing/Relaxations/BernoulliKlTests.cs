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
}
