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

public class SpecialFunctionsTests
{
    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(2.0, 0.0)]
    [InlineData(5.0, 3.1780538303479458)]       // ln 24
    [InlineData(0.5, 0.5723649429247001)]       // ln sqrt(pi)
    [InlineData(3.3, 0.9870985778947343)]       // scipy.special.gammaln
    [InlineData(150.2, 601.0110639258922)]      // scipy.special.gammaln
    public void Log_gamma_matches_known_values(double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), 11);

    [Fact]
    public void Incomplete_beta_matches_closed_forms_and_scipy()
    {
        Assert.Equal(0.3, SpecialFunctions.RegularizedIncompleteBeta(1, 1, 0.3), 13);                  // I_x(1,1) = x
        Assert.Equal(Math.Pow(0.7, 3.5), SpecialFunctions.RegularizedIncompleteBeta(3.5, 1, 0.7), 13); // I_x(a,1) = x^a
        Assert.Equal(0.5, SpecialFunctions.RegularizedIncompleteBeta(7.25, 7.25, 0.5), 13);            // symmetry
        Assert.Equal(0.01892712407194565, SpecialFunctions.RegularizedIncompleteBeta(2.5, 0.5, 0.3), 12);  // scipy betainc
        Assert.Equal(0.6447480085585666, SpecialFunctions.RegularizedIncompleteBeta(30, 40, 0.45), 12);     // scipy betainc
        Assert.Equal(0, SpecialFunctions.RegularizedIncompleteBeta(2, 3, 0));
        Assert.Equal(1, SpecialFunctions.RegularizedIncompleteBeta(2, 3, 1));
    }

    [Fact]
    public void Student_t_tails_match_closed_forms()
    {
        Assert.Equal(0.5, SpecialFunctions.StudentTTwoSided(1, 1), 13);                              // Cauchy: P(|T| >= 1) = 1/2
        Assert.Equal(1 - 2 / Math.Sqrt(6), SpecialFunctions.StudentTTwoSided(2, 2), 13);             // df 2: 1 - |t| / sqrt(t² + 2)
        Assert.Equal(0.2135981692020133, SpecialFunctions.StudentTTwoSided(-1.5, 3.7), 12);          // scipy 2 t.sf(1.5, 3.7)
        Assert.Equal(1.0, SpecialFunctions.StudentTTwoSided(0, 3), 13);
    }

    [Fact]
    public void Arguments_outside_the_domain_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SpecialFunctions.LogGamma(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpecialFunctions.RegularizedIncompleteBeta(1, 1, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpecialFunctions.RegularizedIncompleteBeta(-1, 1, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpecialFunctions.StudentTTwoSided(1, 0));
    }
}
