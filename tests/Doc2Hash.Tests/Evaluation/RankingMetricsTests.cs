using Doc2Hash.Evaluation;
using Doc2Hash.Retrieval;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Evaluation;

public class RankingMetricsTests
{
    // Ranked list: relevant at ranks 1, 3 and 4.
    private static readonly bool[] Ranked = [true, false, true, true, false];

    [Fact]
    public void Precision_counts_relevant_items_in_the_first_k() =>
        Assert.Equal(2.0 / 3, RankingMetrics.PrecisionAt(Ranked, 3), 12);

    [Fact]
    public void Average_precision_averages_precision_at_each_relevant_rank()
    {
        // Relevant at ranks 1, 3, 4: (1/1 + 2/3 + 3/4) / 3 = 29/36.
        Assert.Equal(29.0 / 36, RankingMetrics.AveragePrecisionAt(Ranked, 5), 12);
        // Within the first 2 only rank 1 is relevant: AP@2 = 1.
        Assert.Equal(1.0, RankingMetrics.AveragePrecisionAt(Ranked, 2), 12);
        Assert.Equal(0.0, RankingMetrics.AveragePrecisionAt([false, false], 2));
    }

    [Fact]
    public void Ndcg_uses_the_relevant_items_of_the_whole_database_for_the_ideal()
    {
        // Hand values rounded to 6 decimals, so compared to 5.
        // DCG@4 = 1/log2(2) + 1/log2(4) + 1/log2(5) = 1 + 0.5 + 0.430677 = 1.930677.
        // 10 relevant in the database, so the ideal fills all 4 ranks: 1 + 0.630930 + 0.5 + 0.430677 = 2.561606.
        Assert.Equal(1.930677 / 2.561606, RankingMetrics.NdcgAt(Ranked, 4, totalRelevant: 10), 5);
        // Only 3 relevant in the database: ideal = 1 + 0.630930 + 0.5 = 2.130930.
        Assert.Equal(1.930677 / 2.130930, RankingMetrics.NdcgAt(Ranked, 4, totalRelevant: 3), 5);
        Assert.Equal(0.0, RankingMetrics.NdcgAt([false], 1, totalRelevant: 0));
    }

    [Fact]
    public void Ndcg_discounts_deep_ranks_past_the_tabulated_ones()
    {
        // One relevant item in the database, found at rank 1100: NDCG = (1 / log2(1101)) / (1 / log2(2)) = 1 / 10.104599 = 0.098965.
        var ranked = new bool[1100];
        ranked[^1] = true;
        Assert.Equal(0.098965, RankingMetrics.NdcgAt(ranked, 1100, totalRelevant: 1), 6);
    }

    [Fact]
    public void Recall_divides_by_all_relevant_items_and_is_zero_when_there_are_none()
    {
        Assert.Equal(3.0 / 8, RankingMetrics.RecallAt(Ranked, 5, totalRelevant: 8), 12);
        Assert.Equal(0.0, RankingMetrics.RecallAt([false], 1, totalRelevant: 0));
    }

    [Fact]
    public void Tie_aware_precision_counts_tied_items_fractionally()
    {
        // K = 10: 6 closer (4 relevant), 8 tied for the last 4 slots (2 relevant): (4 + 2 * 4/8) / 10 = 0.5.
        var cutoff = new RankCutoff(K: 10, Distance: 3, StrictlyCloser: 6, Tied: 8);
        Assert.Equal(0.5, RankingMetrics.TieAwarePrecision(cutoff, relevantCloser: 4, relevantTied: 2), 12);
    }

    [Fact]
    [BadInput("evaluation", "precision at a depth beyond the ranked list", "ArgumentOutOfRangeException: depth must be in [1, 5]")]
    public void Depth_beyond_the_ranked_list_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RankingMetrics.PrecisionAt(Ranked, 6));
        Assert.Contains("[1, 5]", error.Message);
    }
}
