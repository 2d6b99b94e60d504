using Doc2Hash.Experiments;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Training;

namespace Doc2Hash.Tests.Hashing.Neural;

/// <summary>A few epochs of each new Doc2hash switch on the synthetic corpus: the loss stays finite and falls.</summary>
public class Doc2HashSwitchSmokeTests
{
    public static TheoryData<string, LatentPrior, LatentEstimator> Switches => new()
    {
        { "learned prior, per-bit KL", LatentPrior.Learned, LatentEstimator.StraightThroughGumbel },
        { "gaussian prior", LatentPrior.Gaussian, LatentEstimator.StraightThroughGumbel },
        { "st-bernoulli", LatentPrior.Uniform, LatentEstimator.StraightThroughBernoulli },
        { "arm", LatentPrior.Uniform, LatentEstimator.Arm },
    };

    [Theory]
    [MemberData(nameof(Switches))]
    public void Loss_is_finite_and_decreases(string what, LatentPrior prior, LatentEstimator estimator)
    {
        var data = SyntheticCorpus.Generate(new SyntheticCorpusOptions { TrainDocuments = 200, ValidationDocuments = 50, TestDocuments = 50 });
        using var model = new Doc2HashModel(new Doc2HashConfig { Bits = 8, HiddenSize = 32, KlWeight = 1, Prior = prior, Estimator = estimator }, data.VocabularySize);
        var result = new Trainer(new TrainerOptions { Epochs = 4, BatchSize = 50, LearningRate = 3e-3, K = 10 }).Fit(model, data);
        var losses = result.History.Select(h => h.Loss[LossTerms.TotalName]).ToArray();
        Assert.All(losses, l => Assert.True(double.IsFinite(l), $"{what}: loss {l}"));
        Assert.True(losses[^1] < losses[0], $"{what}: loss {string.Join(" -> ", losses)} did not decrease");
        Assert.True(double.IsFinite(result.TestPrecision));
    }
}
