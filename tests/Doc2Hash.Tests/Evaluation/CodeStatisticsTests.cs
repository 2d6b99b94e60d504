using Doc2Hash.Evaluation;
using Doc2Hash.Retrieval;
using Doc2Hash.Tests.Retrieval;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Evaluation;

public class CodeStatisticsTests
{
    private const int Precision = 6;

    // Four 3-bit codes (rows), bits b0 b1 b2; the last code repeats the first.
    private static readonly CodeStatistics Hand = CodeStatistics.Compute(TestCodes.Parse("101", "110", "011", "101"));

    [Fact]
    public void Rates_of_ones_and_entropies_match_the_hand_computation()
    {
        // Column sums 3, 2, 3 of 4 codes.
        Assert.Equal([0.75, 0.5, 0.75], Hand.OnesRate);
        // H(0.75) = -0.75 log2 0.75 - 0.25 log2 0.25 = 0.311278 + 0.5 = 0.811278; H(0.5) = 1.
        Assert.Equal(0.811278, Hand.Entropy[0], Precision);
        Assert.Equal(1.0, Hand.Entropy[1], Precision);
        Assert.Equal((2 * 0.811278 + 1) / 3, Hand.MeanEntropy, Precision);
        Assert.Equal(8.0 / 12, Hand.OnesShare, Precision);
    }

    [Fact]
    public void Correlations_match_the_hand_computation()
    {
        // r = (n n11 - na nb) / sqrt(na (n - na) nb (n - nb)) with n = 4:
        // b0,b1: n11 = 1 -> (4 - 6) / sqrt(3 * 1 * 2 * 2) = -1/sqrt(3)
        // b0,b2: n11 = 2 -> (8 - 9) / sqrt(3 * 1 * 3 * 1) = -1/3
        // b1,b2: n11 = 1 -> (4 - 6) / sqrt(2 * 2 * 3 * 1) = -1/sqrt(3)
        double[,] expected = { { 1, -1 / Math.Sqrt(3), -1.0 / 3 }, { -1 / Math.Sqrt(3), 1, -1 / Math.Sqrt(3) }, { -1.0 / 3, -1 / Math.Sqrt(3), 1 } };
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++)
                Assert.Equal(expected[a, b], Hand.Correlation[a, b], Precision);
    }

    [Fact]
    public void Share_of_distinct_codes_counts_repeats_once() => Assert.Equal(0.75, Hand.DistinctShare, Precision);

    [Fact]
    public void A_constant_bit_has_zero_entropy_and_zero_correlation()
    {
        var stats = CodeStatistics.Compute(TestCodes.Parse("10", "00", "10"));
        Assert.Equal(0.0, stats.Entropy[1]);
        Assert.Equal(0.0, stats.Correlation[0, 1]);
        Assert.Equal(0.0, stats.Correlation[1, 1]);
        Assert.Equal(1.0, stats.Correlation[0, 0], Precision);
    }

    [Fact]
    public void Codes_differing_only_in_their_second_word_are_distinct()
    {
        var codes = TestCodes.Parse(new string('0', 70), new string('0', 69) + "1", new string('0', 70));
        Assert.Equal(2.0 / 3, CodeStatistics.Compute(codes).DistinctShare, Precision);
    }

    [Fact]
    [BadInput("evaluation", "code statistics of zero codes", "ArgumentException: no codes")]
    public void No_codes_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => CodeStatistics.Compute(new BinaryCodes(0, 8, [])));
        Assert.Contains("no codes", error.Message);
    }
}
