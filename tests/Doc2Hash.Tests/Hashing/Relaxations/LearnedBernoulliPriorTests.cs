using Doc2Hash.Hashing.Relaxations;
using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Hashing.Relaxations;

/// <summary>The KL to a learned Bernoulli prior: the uniform KL at theta = 0, hand-computed values and gradients otherwise.</summary>
public class LearnedBernoulliPriorTests
{
    [Theory]
    [InlineData(KlForm.PerBit)]
    [InlineData(KlForm.AuthorsFlatSoftmax)]
    public void At_zero_prior_logits_it_is_the_uniform_kl(KlForm form)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(5);
        var logits = randn([3, 4, 2], dtype: ScalarType.Float64, generator: generator).mul(2.0);
        double uniform = BernoulliKl.Compute(logits, form).item<double>();
        double learned = LearnedBernoulliPrior.Compute(logits, zeros(4, dtype: ScalarType.Float64), form).item<double>();
        Assert.Equal(uniform, learned, 12);
    }

    [Fact]
    public void Per_bit_kl_and_its_prior_gradient_match_a_hand_computed_case()
    {
        // Bit 1: q = sigmoid(ln 3) = 3/4 against p = sigmoid(-ln 3) = 1/4: KL = 3/4 ln 3 + 1/4 ln(1/3) = 1/2 ln 3,
        // dKL/dtheta = p - q = -1/2. Bit 2: q = p = 1/2: KL 0, gradient 0.
        using var scope = NewDisposeScope();
        var logits = tensor(new double[] { 0, Math.Log(3), 0, 0 }).view(1, 2, 2);
        var theta = tensor(new double[] { -Math.Log(3), 0 }).requires_grad_(true);
        var kl = LearnedBernoulliPrior.Compute(logits, theta, KlForm.PerBit);
        Assert.Equal(0.5 * Math.Log(3), kl.item<double>(), 12);
        var gradient = autograd.grad([kl], [theta])[0].data<double>().ToArray();
        Assert.Equal(-0.5, gradient[0], 12);
        Assert.Equal(0.0, gradient[1], 12);
    }

    [Fact]
    public void Flat_form_is_the_categorical_kl_over_2l_cells_minus_log_l()
    {
        // Posterior softmax of (0, ln 3, 0, 0) = (1, 3, 1, 1) / 6; prior pairs (0, -ln 3, 0, 0) give (1, 1/3, 1, 1) / (10/3)
        // = (0.3, 0.1, 0.3, 0.3). KL = 3 x 1/6 ln((1/6) / 0.3) + 1/2 ln(0.5 / 0.1) = 1/2 ln(5/9) + 1/2 ln 5 = ln(5/3);
        // minus ln L = ln 2: ln(5/6).
        using var scope = NewDisposeScope();
        var logits = tensor(new double[] { 0, Math.Log(3), 0, 0 }).view(1, 2, 2);
        var theta = tensor(new double[] { -Math.Log(3), 0 });
        Assert.Equal(Math.Log(5.0 / 6.0), LearnedBernoulliPrior.Compute(logits, theta, KlForm.AuthorsFlatSoftmax).item<double>(), 12);
    }

    [Fact]
    public void Prior_logits_of_the_wrong_length_are_a_clear_error()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<ArgumentException>(() => LearnedBernoulliPrior.Compute(zeros(1, 3, 2), zeros(2), KlForm.PerBit));
        Assert.Contains("Expected 3 prior logits (one per bit)", error.Message);
    }
}
