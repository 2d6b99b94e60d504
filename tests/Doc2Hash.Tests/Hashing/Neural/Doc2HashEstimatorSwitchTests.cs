using Doc2Hash.Hashing.Neural;
using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Hashing.Relaxations.Lab;
using Doc2Hash.Tests.Hashing.Relaxations;
using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Hashing.Neural;

/// <summary>Doc2hash's --estimator switch: straight-through Bernoulli and ARM inside the model.</summary>
public class Doc2HashEstimatorSwitchTests
{
    private static readonly Doc2HashConfig Small = new() { Bits = 8, HiddenSize = 16 };

    private static Doc2HashPass Pass(Doc2HashModel model, int seed) => Doc2HashPasses.OnTinyCorpus(model, seed);

    [Theory]
    [InlineData(LatentEstimator.StraightThroughBernoulli)]
    [InlineData(LatentEstimator.Arm)]
    public void Training_codes_are_0_1_pairs_and_repeat_with_the_seed(LatentEstimator estimator)
    {
        using var model = new Doc2HashModel(Small with { Estimator = estimator }, 200);
        using var scope = NewDisposeScope();
        var first = Pass(model, seed: 3);
        var code = first.Code.detach().data<float>().ToArray();
        Assert.All(code, v => Assert.True(v is 0f or 1f, $"code value {v}"));
        Assert.Equal([100L, 8L, 2L], first.Code.shape);
        Assert.All(first.Code.detach().sum(2).data<float>().ToArray(), s => Assert.Equal(1f, s));   // one-hot per bit
        var again = Pass(model, seed: 3);
        Assert.Equal(code, again.Code.detach().data<float>().ToArray());
        Assert.Equal(first.Loss.item<float>(), again.Loss.item<float>());
        Assert.NotEqual(code, Pass(model, seed: 4).Code.detach().data<float>().ToArray());
        Assert.DoesNotContain("tau", model.Schedules(new StepContext(0, 0, new Generator(1))).Keys);   // no temperature in these estimators
    }

    [Fact]
    public void Per_document_reconstruction_averages_to_the_batch_reconstruction()
    {
        using var scope = NewDisposeScope();
        using var x = BagOfWordsBatch.FromRows(TinyCorpus.ThreeByFive(), null, CPU);
        using var generator = new Generator(2);
        var logProbWords = randn([2, 3, 5], generator: generator).log_softmax(-1);
        var perDocument = BagOfWordsHasher.ReconstructionPerDocument(logProbWords, x);                      // (2, 3)
        var dense = x.ToDense();
        var expected = logProbWords.mul(dense).sum(-1).neg().data<float>().ToArray();                      // -sum_w x_w log p(w)
        var actual = perDocument.data<float>().ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 5);
        Assert.Equal(0f, actual[1]);   // the empty document
        Assert.Equal(BagOfWordsHasher.Reconstruction(logProbWords[1], x).item<float>(), perDocument[1].mean().item<float>(), 5);
    }

    [Fact]
    public void Arm_in_the_model_is_unbiased_for_the_reconstruction_gradient_of_the_logit_bias()
    {
        // 2 documents, 3 bits, 5 words: the exact gradient of E_q[mean_b f_b(z_b)] by enumeration of the 2^3 codes per
        // document against the mean of the model's ARM gradients (each batch repeats the 2 documents R times, so its
        // gradient is the mean of R independent estimates).
        const int bits = 3, replicas = 500, batches = 30;
        var corpus = SparseMatrix.FromDense(new float[,] { { 0.6f, 0f, 0.8f, 0f, 0f }, { 0f, 1f, 0f, 0.5f, 0.25f } });
        using var model = new Doc2HashModel(new Doc2HashConfig { Bits = bits, HiddenSize = 8, Dropout = 0, Estimator = LatentEstimator.Arm }, 5, seed: 3);
        var bias = model.named_parameters().Single(p => p.name == "toLogits.bias").parameter;
        using var scope = NewDisposeScope();

        using var pair = BagOfWordsBatch.FromRows(corpus, null, CPU);
        Tensor Loss(Tensor z)
        {
            var codes = BernoulliLatent.ToPairCode(z.expand(z.shape[0], 2, bits));                       // (2^L, 2, L, 2)
            var logProb = model.Decode(codes.view(-1, bits, 2)).view(z.shape[0], 2, -1);                  // (2^L, 2, V)
            return BagOfWordsHasher.ReconstructionPerDocument(logProb, pair).div(2.0);                     // (2^L, 2)
        }
        var expectation = ExactExpectation.Expectation(BernoulliLatent.FromPairLogits(model.EncodeLogits(pair)), Loss);
        var exact = autograd.grad([expectation], [bias])[0].data<float>().Select(v => (double)v).ToArray();

        using var repeated = BagOfWordsBatch.FromRows(corpus, [.. Enumerable.Range(0, 2 * replicas).Select(i => i % 2)], CPU);
        var rows = new double[batches][];
        for (int b = 0; b < batches; b++)
        {
            using var generator = new Generator((ulong)(100 + b));
            var pass = model.Forward(repeated, new StepContext(0, 0, generator));
            rows[b] = autograd.grad([pass.Reconstruction], [bias])[0].data<float>().Select(v => (double)v).ToArray();
        }
        double z = EstimatorTestCases.LargestZScore(rows, exact);
        Assert.True(z < 4, $"ARM mean is {z:F1} standard errors from the exact gradient ({string.Join(", ", exact.Select(v => v.ToString("G3")))})");
        Assert.Contains(exact, v => Math.Abs(v) > 1e-4);   // a non-trivial gradient
    }

    [Fact]
    [BadInput("doc2hash-s options", "--estimator arm for the supervised model", "ArgumentException: --estimator arm is not available for doc2hash-s: ARM estimates the gradient of the reconstruction only ...")]
    public void Arm_is_refused_for_doc2hash_s()
    {
        var error = Assert.Throws<ArgumentException>(() => new Doc2HashSupervised(Small with { Estimator = LatentEstimator.Arm }, new LabelHeadConfig(), 200, 4, false));
        Assert.Contains("--estimator arm is not available for doc2hash-s", error.Message);
    }
}
