using Doc2Hash.Hashing.Relaxations;
using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Hashing.Relaxations;

/// <summary>
/// Every estimator's surrogate plugs into a model's loss: its value is the mean loss over the codes the estimator
/// evaluated, and the loss function's own parameters get the pathwise gradient mean_s d f(z_s) / d w.
/// </summary>
public class SurrogateTests
{
    public static TheoryData<BernoulliEstimator> Kinds => [.. BernoulliEstimators.All];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Value_is_the_mean_loss_and_loss_parameters_get_the_mean_code_as_gradient(BernoulliEstimator kind)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(21);
        using var estimator = BernoulliEstimators.Create(kind);
        var w = tensor(new double[] { 0.5, -1, 2 }).requires_grad_(true);
        var logits = tensor(new double[] { 0.2, -0.7, 1.5 }).requires_grad_(true);
        double[]? codes = null;   // copied out: tensors made inside the estimator die with its dispose scope
        long calls = 0;
        Tensor Loss(Tensor z)     // f(z) = z.w + 2, so df/dw = z
        {
            codes = z.detach().data<double>().ToArray();
            calls = z.shape[0];
            return z.matmul(w) + 2;
        }
        var surrogate = estimator.Surrogate(logits, Loss, samples: 4, temperature: 0.5, generator);
        surrogate.backward();

        Assert.NotNull(codes);
        Assert.Equal(4 * estimator.LossEvaluationsPerSample, calls);
        int n = (int)calls;
        double meanLoss = Enumerable.Range(0, n).Average(s => codes![3 * s] * 0.5 - codes[3 * s + 1] + 2 * codes[3 * s + 2] + 2);
        Assert.Equal(meanLoss, surrogate.item<double>(), 12);
        var meanCode = Enumerable.Range(0, 3).Select(j => Enumerable.Range(0, n).Average(s => codes[3 * s + j])).ToArray();
        Assert.Equal(meanCode, w.grad!.data<double>().ToArray(), new Tolerance(1e-12));
        Assert.True(logits.grad is not null, "the logits got no gradient");
    }

    private sealed class Tolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
