using Doc2Hash.Hashing.Relaxations;
using static Doc2Hash.Tests.Hashing.Relaxations.EstimatorTestCases;

namespace Doc2Hash.Tests.Hashing.Relaxations;

/// <summary>
/// Straight-through Bernoulli and the Gumbel-Softmax estimators on one bit (q = sigmoid(phi)), where both the exact
/// gradient and each estimator's expected value are known in closed form or by a 1-D integral: the estimators' means
/// match their own expectation within 4 standard errors and differ from the exact gradient by a definite amount.
/// </summary>
public class BiasedEstimatorTests
{
    private const int Positions = 40000;

    /// <summary>
    /// f(z) = (z - c)^2, c = 0.3, phi = ln 4 (q = 0.8). Exact: E = q (1 - c)^2 + (1 - q) c^2, so
    /// dE/dphi = q (1 - q) [(1 - c)^2 - c^2] = q (1 - q)(1 - 2c) = 0.16 * 0.4 = 0.064.
    /// </summary>
    private const double C = 0.3;
    private static readonly double PhiSquare = Math.Log(4);
    private const double ExactSquare = 0.064;

    private static TorchSharp.torch.Tensor Square(TorchSharp.torch.Tensor z) => (z.select(-1, 0) - C).square();

    [Fact]
    public void Straight_through_bernoulli_has_its_hand_computed_bias_on_a_square_loss()
    {
        // ST gradient for one sample: f'(z) dq/dphi = 2 (z - c) q (1 - q), z hard. Its expectation over z ~ Bernoulli(q):
        // 2 (q - c) q (1 - q) = 2 * 0.5 * 0.16 = 0.16, against the exact 0.064 (they agree only at q = 1/2).
        using var estimator = BernoulliEstimators.Create(BernoulliEstimator.StraightThroughBernoulli);
        var rows = Estimates(estimator, [PhiSquare], Square, samples: 1, positions: Positions, seed: 11);
        var (mean, se) = MeanAndStandardError(rows);
        Assert.True(Math.Abs(mean[0] - 0.16) < 4 * se[0], $"mean {mean[0]:F5} +- {se[0]:F5}, expected 0.16");
        Assert.True(Math.Abs(0.16 - ExactSquare) > 20 * se[0]);
    }

    [Fact]
    public void Straight_through_bernoulli_is_exact_for_a_linear_loss()
    {
        // f(z) = 2 z + 1: f'(z) = 2 whatever z, so every estimate is 2 q (1 - q) = dE/dphi exactly (no bias, no variance).
        using var estimator = BernoulliEstimators.Create(BernoulliEstimator.StraightThroughBernoulli);
        var rows = Estimates(estimator, [PhiSquare], z => 2 * z.select(-1, 0) + 1, samples: 3, positions: 100, seed: 1);
        Assert.All(rows, r => Assert.Equal(2 * 0.16, r[0], 12));
    }

    [Theory]
    [InlineData(BernoulliEstimator.GumbelSoftmaxSoft)]
    [InlineData(BernoulliEstimator.GumbelSoftmaxStraightThrough)]
    public void Gumbel_softmax_at_temperature_one_gives_one_sixth_instead_of_one_quarter_for_a_linear_loss(BernoulliEstimator kind)
    {
        // f(z) = z, phi = 0 (q = 1/2): exact dE/dphi = q (1 - q) = 1/4. Both variants back-propagate through the relaxed
        // z = sigmoid(phi + l) (l = g1 - g0 ~ Logistic(0, 1), tau = 1), dz/dphi = z (1 - z), and f' = 1, so the expected
        // estimate is E[s(l)(1 - s(l))] = integral of s(1 - s) * s(1 - s) dl; with s = sigmoid(l), ds = s(1 - s) dl,
        // this is integral_0^1 s(1 - s) ds = 1/2 - 1/3 = 1/6.
        using var estimator = BernoulliEstimators.Create(kind);
        var rows = Estimates(estimator, [0.0], z => z.select(-1, 0), samples: 1, positions: Positions, temperature: 1.0, seed: 13);
        var (mean, se) = MeanAndStandardError(rows);
        Assert.True(Math.Abs(mean[0] - 1.0 / 6) < 4 * se[0], $"{kind}: mean {mean[0]:F5} +- {se[0]:F5}, expected 1/6");
        Assert.True(1.0 / 4 - 1.0 / 6 > 20 * se[0]);
    }

    [Theory]
    [InlineData(BernoulliEstimator.GumbelSoftmaxSoft)]
    [InlineData(BernoulliEstimator.GumbelSoftmaxStraightThrough)]
    public void Gumbel_softmax_on_a_square_loss_matches_its_one_dimensional_integral_and_misses_the_exact_gradient(BernoulliEstimator kind)
    {
        // tau = 0.5, f(z) = (z - c)^2, phi = ln 4. One estimate is f'(zf) dz/dphi with z = sigmoid((phi + l) / tau),
        // dz/dphi = z (1 - z) / tau, and zf = z (soft) or 1[phi + l > 0] (straight-through). Its expectation over
        // l ~ Logistic(0, 1) is integrated here on u in (0, 1), l = ln(u / (1 - u)) (midpoint rule, 10^6 nodes; about
        // 0.0971 soft, 0.1140 straight-through, against the exact 0.064).
        const double tau = 0.5;
        double expected = Integral(kind, tau);
        using var estimator = BernoulliEstimators.Create(kind);
        var rows = Estimates(estimator, [PhiSquare], Square, samples: 1, positions: Positions, temperature: tau, seed: 17);
        var (mean, se) = MeanAndStandardError(rows);
        Assert.True(Math.Abs(mean[0] - expected) < 4 * se[0], $"{kind}: mean {mean[0]:F5} +- {se[0]:F5}, integral {expected:F5}");
        Assert.True(Math.Abs(expected - ExactSquare) > 0.03, $"integral {expected:F5} is too close to the exact {ExactSquare}");
        Assert.True(Math.Abs(expected - ExactSquare) > 20 * se[0]);
    }

    private static double Integral(BernoulliEstimator kind, double tau)
    {
        const int nodes = 1_000_000;
        double sum = 0;
        for (int i = 0; i < nodes; i++)
        {
            double u = (i + 0.5) / nodes, l = Math.Log(u / (1 - u));
            double z = 1 / (1 + Math.Exp(-(PhiSquare + l) / tau));
            double forward = kind == BernoulliEstimator.GumbelSoftmaxSoft ? z : (PhiSquare + l > 0 ? 1 : 0);
            sum += 2 * (forward - C) * z * (1 - z) / tau;
        }
        return sum / nodes;
    }
}
