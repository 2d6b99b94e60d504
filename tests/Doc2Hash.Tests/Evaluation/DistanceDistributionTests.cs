using Doc2Hash.Data;
using Doc2Hash.Evaluation;
using Doc2Hash.Tests.Retrieval;
using Xunit;

namespace Doc2Hash.Tests.Evaluation;

public class DistanceDistributionTests
{
    // Query 0 "0000" has label 0, query 1 "1111" label 1. Database: "0000" (label 0), "0011" (label 1), "1111" (label 1).
    // Distances: q0 -> 0, 2, 4; q1 -> 4, 2, 0. Relevant pairs: (q0, d0) = 0, (q1, d1) = 2, (q1, d2) = 0.
    private static readonly BinaryCodesPair Case = new(
        TestCodes.Parse("0000", "1111"), LabelMatrix.SingleLabel(2, [0, 1]),
        TestCodes.Parse("0000", "0011", "1111"), LabelMatrix.SingleLabel(2, [0, 1, 1]));

    [Fact]
    public void Many_draws_visit_every_pair_and_sort_it_by_relevance()
    {
        var d = DistanceDistribution.Sample(Case.Queries, Case.QueryLabels, Case.Database, Case.DatabaseLabels, documentsPerQuery: 3000, seed: 1);

        Assert.Equal(4, d.Bits);
        Assert.Equal(6000, d.Relevant.Length + d.Irrelevant.Length);
        Assert.Equal(new[] { 0, 2 }, d.Relevant.Distinct().Order());
        Assert.Equal(new[] { 2, 4 }, d.Irrelevant.Distinct().Order());   // (q0, d1) = 2, (q0, d2) = 4, (q1, d0) = 4
        // Each of the 6 pairs is drawn about 1000 times: relevant pairs are 3 of 6, two of them at distance 0.
        Assert.InRange(d.Relevant.Length / 6000.0, 0.47, 0.53);
        Assert.InRange(d.MeanRelevant, 2.0 / 3 - 0.1, 2.0 / 3 + 0.1);
        Assert.InRange(d.MeanIrrelevant, 10.0 / 3 - 0.1, 10.0 / 3 + 0.1);
    }

    [Fact]
    public void Same_seed_gives_the_same_sample()
    {
        var a = DistanceDistribution.Sample(Case.Queries, Case.QueryLabels, Case.Database, Case.DatabaseLabels, 50, seed: 7);
        var b = DistanceDistribution.Sample(Case.Queries, Case.QueryLabels, Case.Database, Case.DatabaseLabels, 50, seed: 7);
        Assert.Equal(a.Relevant, b.Relevant);
        Assert.Equal(a.Irrelevant, b.Irrelevant);
    }

    [Fact]
    public void Exhaustive_measures_every_pair_once_in_query_then_database_order()
    {
        var d = DistanceDistribution.Exhaustive(Case.Queries, Case.QueryLabels, Case.Database, Case.DatabaseLabels);

        Assert.Equal(new[] { 0, 2, 0 }, d.Relevant);       // (q0, d0), (q1, d1), (q1, d2)
        Assert.Equal(new[] { 2, 4, 4 }, d.Irrelevant);     // (q0, d1), (q0, d2), (q1, d0)
        Assert.Equal(2.0 / 3, d.MeanRelevant, 12);
        Assert.Equal(10.0 / 3, d.MeanIrrelevant, 12);
    }

    [Fact]
    public void Exhaustive_with_multi_label_data_counts_a_shared_label_as_relevant_and_no_label_as_irrelevant()
    {
        // One query "01" with labels {0, 2}; database "01" {2}, "10" {1}, "11" {} (unlabelled).
        var labels = LabelMatrix.MultiLabel(3, [new[] { 0, 2 }]);
        var database = LabelMatrix.MultiLabel(3, [new[] { 2 }, new[] { 1 }, Array.Empty<int>()]);
        var d = DistanceDistribution.Exhaustive(TestCodes.Parse("01"), labels, TestCodes.Parse("01", "10", "11"), database);

        Assert.Equal(new[] { 0 }, d.Relevant);
        Assert.Equal(new[] { 2, 1 }, d.Irrelevant);
    }

    [Fact]
    public void Codes_of_different_lengths_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => DistanceDistribution.Sample(
            TestCodes.Parse("000"), LabelMatrix.SingleLabel(2, [0]), Case.Database, Case.DatabaseLabels, 5, 1));
        Assert.Contains("3 bits", e.Message);
    }

    private sealed record BinaryCodesPair(Doc2Hash.Retrieval.BinaryCodes Queries, LabelMatrix QueryLabels, Doc2Hash.Retrieval.BinaryCodes Database, LabelMatrix DatabaseLabels);
}
