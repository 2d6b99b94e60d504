using Doc2Hash.Data;
using Doc2Hash.Evaluation;
using Doc2Hash.Retrieval;
using Doc2Hash.Tests.Retrieval;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Evaluation;

public class RetrievalEvaluatorTests
{
    private const int Precision = 5;

    // Single-label, 4 bits, labels A = 0, B = 1, C = 2. Database (index: code, label, distance to 0000, to 1111):
    //   0: 0001 A 1 3 | 1: 0011 B 2 2 | 2: 0000 B 0 4 | 3: 0101 A 2 2 | 4: 1000 B 1 3 | 5: 0110 A 2 2
    // Query 0 = 0000 with label A ranks (by distance, index) 2, 0, 4, 1, 3, 5; relevant: 0, 3, 5.
    // Query 1 = 1111 with label C: nothing in the database is relevant, so every metric is 0 for it.
    private static readonly LabelMatrix SingleDatabaseLabels = LabelMatrix.SingleLabel(3, [0, 1, 1, 0, 1, 0]);
    private static readonly LabelMatrix SingleQueryLabels = LabelMatrix.SingleLabel(3, [0, 2]);

    private static RetrievalReport EvaluateSingleLabel(RetrievalOptions options) => RetrievalEvaluator.Evaluate(
        TestCodes.Parse("0000", "1111"), SingleQueryLabels,
        TestCodes.Parse("0001", "0011", "0000", "0101", "1000", "0110"), SingleDatabaseLabels, options);

    [Fact]
    public void Single_label_metrics_at_4_with_ties_match_the_hand_computation()
    {
        var report = EvaluateSingleLabel(new RetrievalOptions { K = 4 });
        // Query 0, top 4 = 2, 0, 4, 1 -> relevant [no, yes, no, no]: P@4 = 1/4; mean with query 1 = 1/8.
        Assert.Equal(0.125, report.PrecisionAtK, Precision);
        // Query 0: K-th distance 2; closer 2, 0, 4 (1 relevant); tied 1, 3, 5 (2 relevant) for 1 slot:
        // (1 + 2 * 1/3) / 4 = 5/12; mean 5/24.
        Assert.Equal(5.0 / 24, report.TieAwarePrecisionAtK, Precision);
        // AP@4 of query 0: one relevant item at rank 2 -> precision 1/2; mean 1/4.
        Assert.Equal(0.25, report.MeanAveragePrecisionAtK, Precision);
        // NDCG@4 of query 0: DCG = 1/log2(3) = 0.630930; 3 relevant overall -> ideal 1 + 0.630930 + 0.5; mean / 2.
        Assert.Equal(0.630930 / 2.130930 / 2, report.NdcgAtK, Precision);
        // Recall@4 of query 0: 1 of 3 relevant; mean 1/6.
        Assert.Equal(1.0 / 6, report.RecallAtK, Precision);
        // K-th distance ties: query 0 has 3 codes at distance 2; query 1 ranks 1, 3, 5 (2) then 0, 4 (3): 2 tied.
        Assert.Equal(2.5, report.MeanTiedAtKthDistance, Precision);
    }

    [Fact]
    public void Per_query_scores_expose_the_counts_behind_the_tie_aware_precision()
    {
        var report = EvaluateSingleLabel(new RetrievalOptions { K = 4, KeepPerQuery = true });
        // Query 0 as worked out above: K-th distance 2, 3 closer (1 relevant), 3 tied (2 relevant), 3 relevant overall.
        var query0 = report.PerQuery[0];
        Assert.Equal(new RankCutoff(K: 4, Distance: 2, StrictlyCloser: 3, Tied: 3), query0.Cutoff);
        Assert.Equal((1, 2, 3), (query0.RelevantCloser, query0.RelevantTied, query0.TotalRelevant));
        Assert.Equal(5.0 / 12, query0.TieAwarePrecision, Precision);
        Assert.Equal(2, report.PerQuery.Count);
        Assert.Empty(EvaluateSingleLabel(new RetrievalOptions { K = 4 }).PerQuery);
    }

    [Fact]
    public void Precision_within_radius_two_counts_queries_with_no_hit_as_zero()
    {
        // Radius 2: query 0 finds all 6 codes (3 relevant) -> 1/2; query 1 finds 1, 3, 5, none relevant -> 0.
        var radius2 = EvaluateSingleLabel(new RetrievalOptions { K = 4 });
        Assert.Equal(0.25, radius2.PrecisionWithinRadius, Precision);
        Assert.Equal(1.0, radius2.ShareOfQueriesWithinRadius, Precision);
        // Radius 1: query 0 finds 2, 0, 4 (1 relevant) -> 1/3; query 1 finds nothing and counts as 0.
        var radius1 = EvaluateSingleLabel(new RetrievalOptions { K = 4, HammingRadius = 1 });
        Assert.Equal(1.0 / 6, radius1.PrecisionWithinRadius, Precision);
        Assert.Equal(0.5, radius1.ShareOfQueriesWithinRadius, Precision);
    }

    [Fact]
    public void Precision_curve_reports_each_depth_from_one_ranking()
    {
        // Query 0 relevant flags by rank: [no, yes, no, no, yes, yes]. P@1 = 0, P@2 = 1/2, P@6 = 1/2; halved by query 1.
        var report = EvaluateSingleLabel(new RetrievalOptions { K = 2, PrecisionCurveDepths = [1, 2, 6] });
        Assert.Equal([new(1, 0.0), new(2, 0.25), new(6, 0.25)], report.PrecisionCurve);
        Assert.Equal(0.25, report.PrecisionAtK, Precision);
    }

    // Multi-label, 3 bits, label ids 0..2. Database (index: code, labels, distance to 000):
    //   0: 001 {2} 1 | 1: 010 {1,2} 1 | 2: 100 {} 1 | 3: 000 {0} 0 | 4: 011 {0,2} 2
    // Query 0 = 000 with {0,1}: relevant = shares a label = 1, 3, 4 (2 has no labels: never relevant).
    // Query 1 = 111 with no labels: nothing is relevant to it.
    [Fact]
    public void Multi_label_relevance_is_one_shared_label_and_ties_count_fractionally()
    {
        var report = RetrievalEvaluator.Evaluate(
            TestCodes.Parse("000", "111"), LabelMatrix.MultiLabel(3, [[0, 1], []]),
            TestCodes.Parse("001", "010", "100", "000", "011"), LabelMatrix.MultiLabel(3, [[2], [1, 2], [], [0], [0, 2]]),
            new RetrievalOptions { K = 2 });
        // Query 0 ranks 3, 0, 1, 2, 4: top 2 = 3 (relevant), 0 (not) -> P@2 = 1/2; mean with query 1 = 1/4.
        Assert.Equal(0.25, report.PrecisionAtK, Precision);
        // K-th distance 1: closer {3} (1 relevant); tied {0, 1, 2} (1 relevant) for 1 slot: (1 + 1/3) / 2 = 2/3; mean 1/3.
        Assert.Equal(1.0 / 3, report.TieAwarePrecisionAtK, Precision);
        // AP@2 of query 0: relevant at rank 1 only -> 1; mean 1/2.
        Assert.Equal(0.5, report.MeanAveragePrecisionAtK, Precision);
        // NDCG@2 of query 0: DCG = 1; 3 relevant overall -> ideal 1 + 1/log2(3) = 1.630930; mean / 2.
        Assert.Equal(1 / 1.630930 / 2, report.NdcgAtK, Precision);
    }

    [Fact]
    [BadInput("evaluation", "label rows that do not match the query or database codes", "ArgumentException: Query labels have 1 rows but there are 2 query codes (and the database likewise)")]
    public void Label_rows_that_do_not_match_the_codes_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => RetrievalEvaluator.Evaluate(
            TestCodes.Parse("0000", "1111"), LabelMatrix.SingleLabel(3, [0]),
            TestCodes.Parse("0001", "0011"), LabelMatrix.SingleLabel(3, [0, 1]), new RetrievalOptions { K = 1 }));
        Assert.Contains("Query labels have 1 rows but there are 2 query codes", error.Message);

        error = Assert.Throws<ArgumentException>(() => RetrievalEvaluator.Evaluate(
            TestCodes.Parse("0000"), LabelMatrix.SingleLabel(3, [0]),
            TestCodes.Parse("0001", "0011"), LabelMatrix.SingleLabel(3, [0, 1, 2]), new RetrievalOptions { K = 1 }));
        Assert.Contains("Database labels have 3 rows but there are 2 database codes", error.Message);
    }

    [Fact]
    [BadInput("evaluation", "no query codes", "ArgumentException: no query codes")]
    public void No_queries_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => RetrievalEvaluator.Evaluate(
            new BinaryCodes(0, 4, []), LabelMatrix.SingleLabel(3, []),
            TestCodes.Parse("0001"), LabelMatrix.SingleLabel(3, [0]), new RetrievalOptions { K = 1 }));
        Assert.Contains("no query codes", error.Message);
    }

    [Fact]
    [BadInput("evaluation", "query and database labels with different label counts", "ArgumentException: 3 label ids but database labels use 4")]
    public void Label_id_spaces_of_different_sizes_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => RetrievalEvaluator.Evaluate(
            TestCodes.Parse("0000"), LabelMatrix.SingleLabel(3, [0]),
            TestCodes.Parse("0001"), LabelMatrix.SingleLabel(4, [0]), new RetrievalOptions { K = 1 }));
        Assert.Contains("3 label ids but database labels use 4", error.Message);
    }

    [Fact]
    [BadInput("evaluation", "query and database codes of different lengths", "ArgumentException: Query codes have 3 bits but database codes have 4")]
    public void Mismatched_bit_lengths_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => RetrievalEvaluator.Evaluate(
            TestCodes.Parse("000"), LabelMatrix.SingleLabel(3, [0]),
            TestCodes.Parse("0001"), LabelMatrix.SingleLabel(3, [0]), new RetrievalOptions { K = 1 }));
        Assert.Contains("Query codes have 3 bits but database codes have 4", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [BadInput("evaluation", "K = 0 or negative", "ArgumentOutOfRangeException: K must be at least 1")]
    public void K_below_one_is_rejected(int k)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EvaluateSingleLabel(new RetrievalOptions { K = k }));
        Assert.Contains("K must be at least 1", error.Message);
    }

    [Fact]
    [BadInput("evaluation", "a precision-curve depth beyond the database", "ArgumentOutOfRangeException: exceeds the database size (6)")]
    public void A_curve_depth_beyond_the_database_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            EvaluateSingleLabel(new RetrievalOptions { K = 2, PrecisionCurveDepths = [2, 7] }));
        Assert.Contains("exceeds the database size (6)", error.Message);
    }
}
