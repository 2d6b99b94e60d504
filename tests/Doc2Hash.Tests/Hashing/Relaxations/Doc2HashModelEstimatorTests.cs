using Doc2Hash.Hashing.Neural;
using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Hashing.Relaxations.Lab;
using Doc2Hash.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Hashing.Relaxations;

/// <summary>
/// The estimators plug into the real Doc2hash model: its (B, L, 2) encoder logits become Bernoulli logits through
/// <see cref="BernoulliLatent.FromPairLogits"/>, its decoder is the loss (per-document TF-IDF reconstruction), and
/// the gradient reaches every parameter; on a 3-bit model the ARM gradient for the pair logits is unbiased.
/// </summary>
public class Doc2HashModelEstimatorTests
{
    private const int Bits = 3, Words = 5, Documents = 2;

    private static readonly SparseMatrix Corpus = SparseMatrix.FromDense(new float[,]
    {
        { 0.6f, 0f, 0.8f, 0f, 0f },
        { 0f, 1f, 0f, 0.5f, 0.25f },
    });

    /// <summary>Per-document reconstruction -sum_w x_w log p(w | z) / B for codes (..., B or 1, L): (..., B).</summary>
    private static Func<Tensor, Tensor> Reconstruction(Doc2HashModel model, Tensor dense) => z =>
    {
        long[] leading = z.shape[..^2];
        var code = BernoulliLatent.ToPairCode(z.expand([.. leading, Documents, Bits])).reshape(-1, Bits, 2);   // (N, L, 2)
        var logProbability = model.Decode(code).view([.. leading, Documents, Words]);                           // (..., B, V)
        return logProbability.mul(dense).sum(-1).neg().div(Documents);
    };

    [Fact]
    public void Arm_on_the_models_pair_logits_is_unbiased_for_the_reconstruction_gradient()
    {
        using var model = new Doc2HashModel(new Doc2HashConfig { Bits = Bits, HiddenSize = 8, Dropout = 0 }, Words, seed: 3);
        model.SetTraining(false);
        using var scope = NewDisposeScope();
        using var x = BagOfWordsBatch.FromRows(Corpus, null, CPU);
        var loss = Reconstruction(model, x.ToDense());
        var pair = model.EncodeLogits(x).detach();                                                  // (B, L, 2)

        var exactLeaf = pair.clone().requires_grad_(true);
        var exactExpectation = ExactExpectation.Expectation(BernoulliLatent.FromPairLogits(exactLeaf), loss);
        var exact = autograd.grad([exactExpectation], [exactLeaf])[0].data<float>().Select(v => (double)v).ToArray();

        // 20,000 independent estimates from one call: the pair logits repeated over a leading axis of replicas.
        const int replicas = 20000;
        using var arm = BernoulliEstimators.Create(BernoulliEstimator.Arm);
        using var generator = new Generator(9);
        var leaf = pair.unsqueeze(0).expand(replicas, Documents, Bits, 2).contiguous().requires_grad_(true);   // (R, B, L, 2)
        var surrogate = arm.Surrogate(BernoulliLatent.FromPairLogits(leaf), loss, 1, 1.0, generator);
        var flat = autograd.grad([surrogate], [leaf])[0].data<float>().ToArray();
        int width = exact.Length;
        var rows = Enumerable.Range(0, replicas).Select(r => flat.AsSpan(r * width, width).ToArray().Select(v => (double)v).ToArray()).ToArray();
        double z = EstimatorTestCases.LargestZScore(rows, exact);
        Assert.True(z < 4, $"ARM mean is {z:F1} standard errors from the exact gradient of the pair logits");
        Assert.Equal(-exact[0], exact[1], 6);   // d/dl0 = -d/dl1: only their difference matters
    }

    [Theory]
    [InlineData(BernoulliEstimator.Arm)]
    [InlineData(BernoulliEstimator.StraightThroughBernoulli)]
    [InlineData(BernoulliEstimator.GumbelSoftmaxStraightThrough)]
    public void The_surrogate_back_propagates_into_every_encoder_and_decoder_parameter(BernoulliEstimator kind)
    {
        using var model = new Doc2HashModel(new Doc2HashConfig { Bits = Bits, HiddenSize = 8, Dropout = 0 }, Words, seed: 3);
        model.SetTraining(false);
        using var scope = NewDisposeScope();
        using var x = BagOfWordsBatch.FromRows(Corpus, null, CPU);
        using var estimator = BernoulliEstimators.Create(kind);
        using var generator = new Generator(1);
        var phi = BernoulliLatent.FromPairLogits(model.EncodeLogits(x));                            // (B, L)
        estimator.Surrogate(phi, Reconstruction(model, x.ToDense()), 4, 0.5, generator).backward();
        Assert.All(model.Parameters(), p =>
        {
            Assert.NotNull(p.grad);
            Assert.True(p.grad!.abs().sum().item<float>() > 0, $"parameter of shape ({string.Join(", ", p.shape)}) got a zero gradient");
        });
    }
}
