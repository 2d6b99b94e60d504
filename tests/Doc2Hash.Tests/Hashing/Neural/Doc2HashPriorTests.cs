using Doc2Hash.Hashing.Neural;
using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Hashing.Neural;

/// <summary>Doc2hash's --prior switch: the learned Bernoulli prior and the Gaussian latent on the same trunk and decoder.</summary>
public class Doc2HashPriorTests
{
    private static readonly Doc2HashConfig Small = new() { Bits = 8, HiddenSize = 16 };

    private static Doc2HashPass Pass(Doc2HashModel model) => Doc2HashPasses.OnTinyCorpus(model);

    [Theory]
    [InlineData(KlForm.PerBit)]
    [InlineData(KlForm.AuthorsFlatSoftmax)]
    public void A_learned_prior_starts_as_the_uniform_one_with_the_same_weights_and_loss(KlForm form)
    {
        using var uniform = new Doc2HashModel(Small with { KlForm = form }, 200);
        using var learned = new Doc2HashModel(Small with { KlForm = form, Prior = LatentPrior.Learned }, 200);
        Assert.Equal(new float[8], learned.PriorLogits!.data<float>().ToArray());
        Assert.Contains("priorLogits", learned.named_parameters().Select(p => p.name));
        using var scope = NewDisposeScope();
        var (a, b) = (Pass(uniform), Pass(learned));
        Assert.Equal(a.Reconstruction.item<float>(), b.Reconstruction.item<float>());   // same initial weights and noise
        Assert.Equal(a.Kl.item<float>(), b.Kl.item<float>(), 5);
    }

    [Fact]
    public void The_learned_prior_gets_a_gradient_and_moves_in_training()
    {
        using var model = new Doc2HashModel(Small with { Prior = LatentPrior.Learned }, 200);
        using (var scope = NewDisposeScope())
        {
            Pass(model).Loss.backward();
            Assert.Contains(model.PriorLogits!.grad!.data<float>().ToArray(), g => g != 0);
        }
        new Trainer(new TrainerOptions { Epochs = 1, BatchSize = 25, LearningRate = 1e-2, K = 10 }).Fit(model, TinyCorpus.Topics(train: 100));
        Assert.Contains(model.PriorLogits!.data<float>().ToArray(), t => Math.Abs(t) > 1e-3);
    }

    [Fact]
    public void Gaussian_codes_are_one_for_half_the_training_documents_on_every_bit()
    {
        using var model = new Doc2HashModel(Small with { Prior = LatentPrior.Gaussian }, 200);
        MedianThresholdChecks.EveryBitIsOneForHalfOfTheTrainingDocuments(model);
    }

    [Fact]
    public void Gaussian_kl_is_the_closed_form_of_the_heads_mean_and_log_variance()
    {
        using var model = new Doc2HashModel(Small with { Prior = LatentPrior.Gaussian, KlWeight = 2 }, 200);
        using var scope = NewDisposeScope();
        var pass = Pass(model);
        var (mean, logVariance) = (pass.Logits.select(2, 0), pass.Logits.select(2, 1));
        Assert.Equal(GaussianKl.Compute(mean, logVariance).item<float>(), pass.Kl.item<float>());
        Assert.Equal(pass.Reconstruction.item<float>() + 2 * pass.Kl.item<float>(), pass.Loss.item<float>(), 4);
        Assert.Equal([100L, 8L], pass.Code.shape);   // the decoder reads the continuous z
        Assert.DoesNotContain("tau", model.Schedules(new StepContext(0, 0, new Generator(1))).Keys);
        // Hand-computed: mean 1, log-variance 0 is 1/2 nat; mean 0, log-variance ln 2 is -1/2 (1 + ln 2 - 2) = 0.1534.
        var perDimension = GaussianKl.PerDimension(tensor(new[] { 1.0, 0.0 }).view(1, 2), tensor(new[] { 0.0, Math.Log(2) }).view(1, 2)).data<double>().ToArray();
        Assert.Equal(0.5, perDimension[0], 12);
        Assert.Equal(0.5 * (1 - Math.Log(2)), perDimension[1], 12);
    }

    [Fact]
    public void Gaussian_medians_are_saved_with_the_weights_and_reload_to_identical_codes()
    {
        var config = Small with { Prior = LatentPrior.Gaussian };
        using var model = new Doc2HashModel(config, 200);
        using var reloaded = new Doc2HashModel(config, 200, seed: 99);
        MedianThresholdChecks.ThresholdsSurviveSaveAndLoad(model, reloaded, m => ((Doc2HashModel)m).Thresholds!);
    }

    [Fact]
    public void Doc2hash_s_reads_the_gaussian_z_with_an_l_wide_label_head()
    {
        var data = TinyCorpus.Topics(train: 100);
        using var model = new Doc2HashSupervised(Small with { Prior = LatentPrior.Gaussian }, new LabelHeadConfig(), 200, labelCount: 4, isMultiLabel: false);
        var result = new Trainer(new TrainerOptions { Epochs = 1, BatchSize = 25, LearningRate = 1e-3, K = 10 }).Fit(model, data);
        Assert.True(double.IsFinite(result.History[0].Loss[LossTerms.TotalName]));
    }

    [Theory]
    [BadInput("doc2hash options", "--free-bits 0.05 with --prior gaussian or learned", "ArgumentException: --free-bits 0.05 needs --prior uniform: free bits clamp each bit's KL to Bernoulli(1/2) ...")]
    [InlineData(LatentPrior.Gaussian)]
    [InlineData(LatentPrior.Learned)]
    public void Free_bits_need_the_uniform_prior(LatentPrior prior)
    {
        var error = Assert.Throws<ArgumentException>(() => (Small with { Prior = prior, FreeBits = 0.05 }).Validate());
        Assert.Contains("needs --prior uniform", error.Message);
    }

    [Theory]
    [BadInput("doc2hash options", "--estimator st-bernoulli, soft-gumbel or arm with --prior gaussian", "ArgumentException: --estimator arm has no meaning with --prior gaussian: the Gaussian latent is continuous ...")]
    [InlineData(LatentEstimator.Arm)]
    [InlineData(LatentEstimator.StraightThroughBernoulli)]
    [InlineData(LatentEstimator.SoftGumbel)]
    public void Bernoulli_estimators_are_refused_with_the_gaussian_prior(LatentEstimator estimator)
    {
        var error = Assert.Throws<ArgumentException>(() => (Small with { Prior = LatentPrior.Gaussian, Estimator = estimator }).Validate());
        Assert.Contains("has no meaning with --prior gaussian", error.Message);
    }
}
