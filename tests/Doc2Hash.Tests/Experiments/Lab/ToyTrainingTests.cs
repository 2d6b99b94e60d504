using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Experiments.Lab;
using Doc2Hash.Hashing.Relaxations.Lab;
using Doc2Hash.Tests.Hashing.Relaxations.Lab;

namespace Doc2Hash.Tests.Experiments.Lab;

public class ToyTrainingTests
{
    [Theory]
    [InlineData(BernoulliEstimator.Arm)]
    [InlineData(BernoulliEstimator.ReinforceLeaveOneOut)]
    [InlineData(BernoulliEstimator.GumbelSoftmaxStraightThrough)]
    public void Training_lowers_the_exact_expected_loss(BernoulliEstimator kind)
    {
        var curve = ToyTraining.Train(ToyCases.Small, kind, new ToyTrainingOptions { Steps = 120, Samples = 2 });
        Assert.Equal(121, curve.ExpectedLoss.Count);
        Assert.True(curve.ExpectedLoss[^1] < curve.ExpectedLoss[0] - 1, $"{kind}: exact loss {curve.ExpectedLoss[0]:F3} -> {curve.ExpectedLoss[^1]:F3}");
    }

    [Fact]
    public void Equal_seeds_give_equal_curves_and_every_estimator_starts_from_the_same_point()
    {
        var options = new ToyTrainingOptions { Steps = 10, Samples = 2 };
        var first = ToyTraining.Train(ToyCases.Small, BernoulliEstimator.Arm, options);
        var second = ToyTraining.Train(ToyCases.Small, BernoulliEstimator.Arm, options);
        var other = ToyTraining.Train(ToyCases.Small, BernoulliEstimator.GumbelSoftmaxSoft, options);
        Assert.Equal(first.ExpectedLoss, second.ExpectedLoss);
        Assert.Equal(first.ExpectedLoss[0], other.ExpectedLoss[0]);
        Assert.NotEqual(first.ExpectedLoss[^1], other.ExpectedLoss[^1]);
    }

    [Fact]
    public void A_temperature_schedule_is_followed_step_by_step()
    {
        var schedule = new TemperatureSchedule { Initial = 1.0, Rate = 0.5, Floor = 0.2 };
        var curve = ToyTraining.Train(ToyCases.Small, BernoulliEstimator.GumbelSoftmaxSoft, new ToyTrainingOptions { Steps = 4, Temperature = schedule });
        Assert.Equal([1.0, 0.5, 0.25, 0.2], curve.Temperature);
    }
}
