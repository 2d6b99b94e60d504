using Doc2Hash.Hashing.Relaxations;
using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Hashing.Relaxations;

public class BernoulliLatentTests
{
    [Fact]
    public void Pair_logits_become_the_difference_whose_sigmoid_is_the_softmax_class_one()
    {
        using var scope = NewDisposeScope();
        var pair = tensor(new double[] { 0.3, 1.1, -2.0, 0.5 }, [1, 2, 2]);                  // (B = 1, L = 2, 2)
        var phi = BernoulliLatent.FromPairLogits(pair);
        Assert.Equal([0.8, 2.5], phi.data<double>().ToArray().Select(x => Math.Round(x, 12)));
        Assert.Equal(pair.softmax(-1).select(-1, 1).data<double>().ToArray(), phi.sigmoid().data<double>().ToArray(), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void A_gradient_on_the_bernoulli_logit_reaches_both_class_logits_with_opposite_signs()
    {
        using var scope = NewDisposeScope();
        var pair = tensor(new double[] { 0.3, 1.1 }, [1, 1, 2]).requires_grad_(true);
        (BernoulliLatent.FromPairLogits(pair) * 3).sum().backward();
        Assert.Equal([-3.0, 3.0], pair.grad!.data<double>().ToArray());
    }

    [Fact]
    public void Pair_code_is_one_minus_z_then_z()
    {
        using var scope = NewDisposeScope();
        var code = BernoulliLatent.ToPairCode(tensor(new double[] { 0, 1, 0.25 }, [1, 3]));
        Assert.Equal([1, 3, 2], code.shape);
        Assert.Equal([1.0, 0.0, 0.0, 1.0, 0.75, 0.25], code.data<double>().ToArray());
    }

    [Fact]
    public void Log_probability_of_a_code_is_the_sum_of_the_bits_log_probabilities()
    {
        // q = (1/2, 3/4): log q(z = (1, 0)) = log(1/2) + log(1/4).
        using var scope = NewDisposeScope();
        var logits = tensor(new double[] { 0, Math.Log(3) });
        var logQ = BernoulliLatent.LogProbability(logits, tensor(new double[] { 1, 0 }, [1, 2]));
        Assert.Equal(Math.Log(0.5) + Math.Log(0.25), logQ.item<double>(), 12);
    }

    [Fact]
    public void A_loss_that_reduces_over_samples_is_rejected_with_the_expected_shape()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        using var estimator = BernoulliEstimators.Create(BernoulliEstimator.Arm);
        var error = Assert.Throws<ArgumentException>(() => estimator.Surrogate(zeros(3, 4, dtype: ScalarType.Float64), z => z.sum(), 2, 1.0, generator));
        Assert.Contains("(4, 3)", error.Message);   // ARM calls the loss on 2S = 4 codes for 3 positions
    }

    [Fact]
    public void Estimator_names_round_trip_and_unknown_names_list_the_valid_ones()
    {
        foreach (var kind in BernoulliEstimators.All) Assert.Equal(kind, BernoulliEstimators.Parse(BernoulliEstimators.Name(kind)));
        var error = Assert.Throws<ArgumentException>(() => BernoulliEstimators.Parse("rebar"));
        Assert.Contains("gs-st", error.Message);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
