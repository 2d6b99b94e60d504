using Doc2Hash.Reporting.Statistics;

namespace Doc2Hash.Tests.Reporting.Statistics;

public class WelchTestTests
{
    // Student's t with 4 degrees of freedom has a closed-form CDF: F(t) = 1/2 + (3/8) u (1 - t² / (12 (1 + t²/4))),
    // u = t / sqrt(1 + t²/4); the two-sided p-value is 2 (1 - F(|t|)).
    private static double TwoSidedP4(double t)
    {
        double s = 1 + t * t / 4, u = Math.Abs(t) / Math.Sqrt(s);
        return 2 * (0.5 - 0.375 * u * (1 - t * t / (12 * s)));
    }

    [Fact]
    public void Equal_spread_samples_of_three_have_four_degrees_of_freedom_and_the_closed_form_p()
    {
        // A = (1, 2, 3), B = (4, 5, 6): both variances 1, standard error sqrt(1/3 + 1/3), t = -3 / sqrt(2/3) = -3.6742;
        // Welch-Satterthwaite df = (2/3)² / (2 (1/3)² / 2) = 4. scipy 1.10.1 ttest_ind(equal_var=False): p = 0.021311641128756727.
        var result = WelchTest.Test([1, 2, 3], [4, 5, 6])!;
        Assert.Equal(-3 / Math.Sqrt(2.0 / 3), result.T, 12);
        Assert.Equal(4, result.DegreesOfFreedom, 12);
        Assert.Equal(-3, result.MeanDifference, 12);
        Assert.Equal(TwoSidedP4(result.T), result.PValue, 12);
        Assert.Equal(0.021311641128756727, result.PValue, 12);
        Assert.True(result.IsSignificant());
    }

    [Fact]
    public void Unequal_sizes_and_spreads_agree_with_scipy()
    {
        // scipy 1.10.1: ttest_ind([.4320, .4250, .4390], [.4285, .4240, .4330, .4300], equal_var=False)
        // -> statistic 0.7014248721140047, pvalue 0.5357254381499179.
        var result = WelchTest.Test([0.4320, 0.4250, 0.4390], [0.4285, 0.4240, 0.4330, 0.4300])!;
        Assert.Equal(0.7014248721140047, result.T, 10);
        Assert.Equal(0.5357254381499179, result.PValue, 10);
        Assert.False(result.IsSignificant());
    }

    [Fact]
    public void Tails_match_the_closed_forms_of_one_and_two_degrees_of_freedom()
    {
        // n = 2 a side with equal spread gives df = 2 (closed form two-sided p = 1 - |t| / sqrt(t² + 2)); one side
        // with n = 2 and the other without spread gives df = 1 (Cauchy: p = 1 - 2 atan(|t|) / pi).
        var two = WelchTest.Test([0.0, 2.0], [1.0, 5.0])!;   // variances 2 and 8: not equal, df from the formula
        double va = 2.0 / 2, vb = 8.0 / 2;
        Assert.Equal((va + vb) * (va + vb) / (va * va + vb * vb), two.DegreesOfFreedom, 12);
        var equal = WelchTest.Test([0.0, 2.0], [3.0, 5.0])!;
        Assert.Equal(2, equal.DegreesOfFreedom, 12);
        Assert.Equal(1 - Math.Abs(equal.T) / Math.Sqrt(equal.T * equal.T + 2), equal.PValue, 12);
        var cauchy = WelchTest.Test([0.0, 2.0], [4.0, 4.0, 4.0])!;
        Assert.Equal(1, cauchy.DegreesOfFreedom, 12);
        Assert.Equal(-3, cauchy.T, 12);
        Assert.Equal(1 - 2 * Math.Atan(3) / Math.PI, cauchy.PValue, 12);
    }

    [Fact]
    public void The_test_is_symmetric_in_its_sides()
    {
        var ab = WelchTest.Test([0.3, 0.35, 0.31], [0.4, 0.38])!;
        var ba = WelchTest.Test([0.4, 0.38], [0.3, 0.35, 0.31])!;
        Assert.Equal(-ab.T, ba.T, 12);
        Assert.Equal(ab.DegreesOfFreedom, ba.DegreesOfFreedom, 12);
        Assert.Equal(ab.PValue, ba.PValue, 12);
    }

    [Fact]
    public void One_seed_or_no_spread_cannot_be_tested()
    {
        Assert.Null(WelchTest.Test([0.5], [0.4, 0.45]));
        Assert.Null(WelchTest.Test([0.5, 0.5, 0.5], [0.4, 0.4]));   // deterministic methods: t undefined
        Assert.NotNull(WelchTest.Test([0.5, 0.5, 0.5], [0.4, 0.41]));
        Assert.Equal(1.0, WelchTest.Test([0.4, 0.5], [0.5, 0.4])!.PValue, 12);
    }
}
