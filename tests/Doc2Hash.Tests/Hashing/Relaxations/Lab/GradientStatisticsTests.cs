using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Hashing.Relaxations.Lab;

namespace Doc2Hash.Tests.Hashing.Relaxations.Lab;

public class GradientStatisticsTests
{
    [Fact]
    public void Unbiased_pair_of_estimates_has_cosine_one_and_the_hand_computed_spread()
    {
        // Estimates (1, 0) and (3, 0) around g* = (2, 0): mean = g*, so cosine 1 and distance 0; sample variance of
        // (1, 3) is 2 (R - 1 = 1), MSE = (1 + 1) / 2 = 1, noise floor = sqrt(2 / 2) / 2 = 0.5; each estimate has cosine 1.
        var s = GradientStatistics.From(BernoulliEstimator.Arm, 1, 1.0, 2, [[1, 0], [3, 0]], [2, 0]);
        Assert.Equal(1, s.Cosine, 12);
        Assert.Equal(0, s.RelativeDistance, 12);
        Assert.Equal(2, s.TotalVariance, 12);
        Assert.Equal(1, s.MeanSquaredError, 12);
        Assert.Equal(0.5, s.NoiseFloor, 12);
        Assert.Equal(1, s.MeanSingleCosine, 12);
        Assert.Equal(0.5, s.RelativeVariance, 12);
    }

    [Fact]
    public void Orthogonal_mean_has_cosine_zero_and_the_hand_computed_distance()
    {
        // Estimates (0, 1) and (0, 3), g* = (1, 0): mean (0, 2) is orthogonal, |mean - g*| = sqrt(5);
        // MSE = ((1 + 1) + (1 + 9)) / 2 = 6; trace = 2.
        var s = GradientStatistics.From(BernoulliEstimator.GumbelSoftmaxSoft, 1, 0.5, 1, [[0, 1], [0, 3]], [1, 0]);
        Assert.Equal(0, s.Cosine, 12);
        Assert.Equal(Math.Sqrt(5), s.RelativeDistance, 12);
        Assert.Equal(6, s.MeanSquaredError, 12);
        Assert.Equal(2, s.TotalVariance, 12);
    }
}
