using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Hashing.Relaxations.Lab;

namespace Doc2Hash.Tests.Hashing.Relaxations.Lab;

public class EstimatorAnalysisTests
{
    [Theory]
    [InlineData(BernoulliEstimator.Reinforce)]
    [InlineData(BernoulliEstimator.Arm)]
    [InlineData(BernoulliEstimator.GumbelSoftmaxStraightThrough)]
    public void Variance_falls_as_one_over_the_number_of_samples(BernoulliEstimator kind)
    {
        // Each estimate is a mean over S independent samples, so its covariance is the one-sample covariance / S:
        // the trace ratio between S = 1 and S = 8 is 8 up to the sampling error of two variance estimates (R = 600).
        using var model = new ToyLatentModel(ToyCases.Small);
        var one = EstimatorAnalysis.Analyse(kind, model, samples: 1, temperature: 0.5, repeats: 600, seed: 1);
        var eight = EstimatorAnalysis.Analyse(kind, model, samples: 8, temperature: 0.5, repeats: 600, seed: 2);
        double ratio = one.TotalVariance / eight.TotalVariance;
        Assert.InRange(ratio, 8 / 1.35, 8 * 1.35);
    }

    [Theory]
    [InlineData(BernoulliEstimator.ReinforceLeaveOneOut)]
    [InlineData(BernoulliEstimator.Arm)]
    public void Unbiased_estimators_stay_within_sampling_error_of_the_exact_gradient_on_the_toy_model(BernoulliEstimator kind)
    {
        using var model = new ToyLatentModel(ToyCases.Small);
        var s = EstimatorAnalysis.Analyse(kind, model, samples: 2, temperature: 1.0, repeats: 800, seed: 3);
        Assert.True(s.RelativeDistance < 2 * s.NoiseFloor, $"{kind}: distance {s.RelativeDistance:F4}, noise floor {s.NoiseFloor:F4}");
        Assert.True(s.Cosine > 0.95, $"{kind}: cosine {s.Cosine:F4}");
        Assert.Equal(kind == BernoulliEstimator.Arm ? 4 : 2, s.LossEvaluations);   // ARM: S antithetic pairs
    }

    [Theory]
    [InlineData(BernoulliEstimator.StraightThroughBernoulli)]
    [InlineData(BernoulliEstimator.GumbelSoftmaxSoft)]
    public void Biased_estimators_sit_well_outside_sampling_error_on_the_toy_model(BernoulliEstimator kind)
    {
        using var model = new ToyLatentModel(ToyCases.Small);
        var s = EstimatorAnalysis.Analyse(kind, model, samples: 2, temperature: 1.0, repeats: 800, seed: 3);
        Assert.True(s.RelativeDistance > 5 * s.NoiseFloor, $"{kind}: distance {s.RelativeDistance:F4}, noise floor {s.NoiseFloor:F4}");
    }

    [Fact]
    public void Analysis_leaves_the_parameters_gradients_untouched()
    {
        using var model = new ToyLatentModel(ToyCases.Small);
        EstimatorAnalysis.Analyse(BernoulliEstimator.Arm, model, samples: 1, temperature: 1.0, repeats: 3, seed: 1);
        Assert.All(model.Parameters, p => Assert.Null(p.grad));
    }
}
