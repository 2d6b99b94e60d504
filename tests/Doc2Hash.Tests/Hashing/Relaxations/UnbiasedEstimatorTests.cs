using Doc2Hash.Hashing.Relaxations;
using static Doc2Hash.Tests.Hashing.Relaxations.EstimatorTestCases;

namespace Doc2Hash.Tests.Hashing.Relaxations;

/// <summary>
/// REINFORCE (with and without baselines) and ARM are unbiased: on a non-linear 3-bit loss the mean of many seeded
/// estimates equals the exact gradient within 4 standard errors (computed from the same estimates) on every coordinate,
/// while the same check rejects a biased estimator (so it can fail).
/// </summary>
public class UnbiasedEstimatorTests
{
    private static readonly double[] ExactGradient = Exact(Phi, NonLinearLoss);

    [Theory]
    [InlineData(BernoulliEstimator.Reinforce, 1)]
    [InlineData(BernoulliEstimator.ReinforceLeaveOneOut, 4)]
    [InlineData(BernoulliEstimator.Arm, 1)]
    [InlineData(BernoulliEstimator.Arm, 3)]
    public void Mean_estimate_equals_the_exact_gradient_within_four_standard_errors(BernoulliEstimator kind, int samples)
    {
        using var estimator = BernoulliEstimators.Create(kind);
        var rows = Estimates(estimator, Phi, NonLinearLoss, samples, positions: 40000, seed: 3);
        double z = LargestZScore(rows, ExactGradient);
        Assert.True(z < 4, $"{kind}: mean is {z:F1} standard errors from the exact gradient");
    }

    [Fact]
    public void Moving_average_baseline_is_unbiased_across_calls()
    {
        using var estimator = BernoulliEstimators.Create(BernoulliEstimator.ReinforceMovingAverage);
        var rows = Estimates(estimator, Phi, NonLinearLoss, samples: 1, positions: 1000, seed: 5, calls: 40);
        double z = LargestZScore(rows, ExactGradient);
        Assert.True(z < 4, $"mean is {z:F1} standard errors from the exact gradient");
    }

    [Fact]
    public void Moving_average_baseline_lowers_the_variance_once_it_has_warmed_up()
    {
        using var plain = BernoulliEstimators.Create(BernoulliEstimator.Reinforce);
        using var averaged = BernoulliEstimators.Create(BernoulliEstimator.ReinforceMovingAverage);
        var plainRows = Estimates(plain, Phi, NonLinearLoss, samples: 1, positions: 2000, seed: 5, calls: 20);
        var averagedRows = Estimates(averaged, Phi, NonLinearLoss, samples: 1, positions: 2000, seed: 5, calls: 20)[(2000 * 5)..]; // after 5 warm-up calls
        Assert.True(TotalVariance(averagedRows) < 0.5 * TotalVariance(plainRows),
            $"variance with the moving average {TotalVariance(averagedRows):F3}, without {TotalVariance(plainRows):F3}");
    }

    [Fact]
    public void The_check_rejects_a_biased_estimator()
    {
        using var estimator = BernoulliEstimators.Create(BernoulliEstimator.StraightThroughBernoulli);
        var rows = Estimates(estimator, Phi, NonLinearLoss, samples: 1, positions: 40000, seed: 3);
        Assert.True(LargestZScore(rows, ExactGradient) > 20);
    }

    [Fact]
    public void Arm_has_lower_variance_than_reinforce_without_baseline_at_equal_loss_evaluations()
    {
        using var arm = BernoulliEstimators.Create(BernoulliEstimator.Arm);
        using var reinforce = BernoulliEstimators.Create(BernoulliEstimator.Reinforce);
        double armVariance = TotalVariance(Estimates(arm, Phi, NonLinearLoss, samples: 1, positions: 20000, seed: 7));            // 2 loss calls
        double reinforceVariance = TotalVariance(Estimates(reinforce, Phi, NonLinearLoss, samples: 2, positions: 20000, seed: 7)); // 2 loss calls
        Assert.True(armVariance < reinforceVariance / 4, $"ARM variance {armVariance:F4}, REINFORCE {reinforceVariance:F4}");
    }

    [Fact]
    public void Arm_on_one_bit_matches_its_closed_form_expectation_per_uniform()
    {
        // L = 1, f(0) = b, f(1) = a. With p = sigmoid(phi) >= 1/2 the two codes differ only when u < 1 - p (first 0,
        // second 1) or u > p (first 1, second 0), so the estimate is (b - a)(u - 1/2), 0, or (a - b)(u - 1/2); its
        // expectation is (a - b)[p(1 - p)/2 + p(1 - p)/2] = (a - b) p (1 - p), the exact derivative of p a + (1 - p) b.
        // Here a = 3, b = 1, phi = ln 3 (p = 3/4): the estimate is 0 for u in (1/4, 3/4), |estimate| <= 2 * 1/2 = 1.
        using var arm = BernoulliEstimators.Create(BernoulliEstimator.Arm);
        var rows = Estimates(arm, [Math.Log(3)], z => 1 + 2 * z.select(-1, 0), samples: 1, positions: 20000, seed: 2);
        var values = rows.Select(r => r[0]).ToArray();
        Assert.All(values, v => Assert.InRange(v, -1.0 - 1e-12, 1.0 + 1e-12));
        double zeroShare = values.Count(v => v == 0) / (double)values.Length;
        Assert.InRange(zeroShare, 0.5 - 4 * Math.Sqrt(0.25 / values.Length), 0.5 + 4 * Math.Sqrt(0.25 / values.Length));   // P(1/4 < u < 3/4) = 1/2
        Assert.True(LargestZScore(rows, [2 * 0.75 * 0.25]) < 4);
    }

    [Fact]
    public void Leave_one_out_refuses_a_single_sample_with_a_clear_message()
    {
        using var estimator = BernoulliEstimators.Create(BernoulliEstimator.ReinforceLeaveOneOut);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Estimates(estimator, Phi, NonLinearLoss, samples: 1, positions: 2));
        Assert.Contains("at least 2 samples", error.Message);
    }
}
