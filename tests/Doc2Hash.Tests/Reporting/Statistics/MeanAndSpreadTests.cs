using Doc2Hash.Reporting.Statistics;

namespace Doc2Hash.Tests.Reporting.Statistics;

public class MeanAndSpreadTests
{
    [Fact]
    public void Mean_and_sample_standard_deviation_use_n_minus_one()
    {
        // 0.40, 0.42, 0.44: mean 0.42; squared deviations 0.0004 + 0 + 0.0004 = 0.0008; / (3 - 1) = 0.0004; sqrt = 0.02.
        var cell = MeanAndSpread.Of([0.40, 0.42, 0.44]);
        Assert.Equal(0.42, cell.Mean, 12);
        Assert.Equal(0.02, cell.StandardDeviation, 12);
        Assert.Equal(3, cell.Count);
        Assert.Equal("0.4200 ± 0.0200 (3)", cell.Format());
    }

    [Fact]
    public void One_seed_has_no_spread_and_shows_none()
    {
        var cell = MeanAndSpread.Of([0.5]);
        Assert.Equal(0, cell.StandardDeviation);
        Assert.Equal("0.500 (1)", cell.Format(3));
    }

    [Fact]
    public void Empty_or_non_finite_values_are_refused()
    {
        Assert.Throws<ArgumentException>(() => MeanAndSpread.Of([]));
        Assert.Contains("Value 1 is NaN", Assert.Throws<ArgumentException>(() => MeanAndSpread.Of([0.1, double.NaN])).Message);
    }
}
