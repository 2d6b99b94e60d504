using Doc2Hash.Retrieval;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Retrieval;

public class HammingSearchTests
{
    // Query 0000 against six codes; distances by index: 1, 2, 0, 2, 1, 2.
    private static readonly BinaryCodes Database = TestCodes.Parse("0001", "0011", "0000", "0101", "1000", "0110");
    private static readonly BinaryCodes Query = TestCodes.Parse("0000");

    [Fact]
    public void Ties_are_broken_by_database_index()
    {
        // Rank by (distance, index): (0, 2), (1, 0), (1, 4), (2, 1), (2, 3), (2, 5).
        var result = HammingSearch.TopK(Query, Database, 4);
        Assert.Equal([2, 0, 4, 1], result.IndicesOf(0).ToArray());
        Assert.Equal([0, 1, 1, 2], result.DistancesOf(0).ToArray());
    }

    [Fact]
    public void Cutoff_counts_codes_strictly_closer_and_tied_at_the_kth_distance()
    {
        // K = 4 ends at distance 2: three codes are closer (indices 2, 0, 4), three sit at 2 (1, 3, 5), one slot is left.
        var cutoff = HammingSearch.TopK(Query, Database, 4).Cutoffs[0];
        Assert.Equal(new RankCutoff(K: 4, Distance: 2, StrictlyCloser: 3, Tied: 3), cutoff);
        Assert.Equal(1, cutoff.SlotsLeft);
    }

    [Fact]
    public void K_equal_to_the_database_size_ranks_everything()
    {
        var result = HammingSearch.TopK(Query, Database, Database.Count);
        Assert.Equal([2, 0, 4, 1, 3, 5], result.IndicesOf(0).ToArray());
    }

    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (int bits in new[] { 8, 16, 31, 32, 64, 65, 100, 128 })
            foreach (int size in new[] { 1, 63, 65, 1000 })
                foreach (int k in new[] { 1, 7, 100, size }.Where(k => k <= size).Distinct())
                    data.Add(bits, size, k);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Fast_search_equals_the_naive_sort_on_random_codes(int bits, int databaseSize, int k)
    {
        var random = new Random(bits * 7919 + databaseSize * 31 + k);
        var queries = RandomCodes.Create(13, bits, random);
        var database = RandomCodes.Create(databaseSize, bits, random);
        AssertSameResult(NaiveHammingSearch.TopK(queries, database, k), HammingSearch.TopK(queries, database, k));
    }

    [Theory]
    [InlineData(8, 1000, 100)]
    [InlineData(64, 1000, 7)]
    [InlineData(100, 65, 65)]
    [InlineData(300, 65, 7)]
    public void Fast_search_equals_the_naive_sort_when_most_codes_are_tied(int bits, int databaseSize, int k)
    {
        // Database codes drawn from a pool of 5 distinct codes: hundreds of ties at every distance.
        var random = new Random(bits + databaseSize + k);
        var pool = RandomCodes.Create(5, bits, random);
        var words = Enumerable.Range(0, databaseSize).SelectMany(_ => pool.Code(random.Next(pool.Count)).ToArray()).ToArray();
        var database = new BinaryCodes(databaseSize, bits, words);
        var queries = RandomCodes.Create(9, bits, random);
        AssertSameResult(NaiveHammingSearch.TopK(queries, database, k), HammingSearch.TopK(queries, database, k));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(300)]
    public void Fast_search_equals_the_naive_sort_when_consecutive_queries_have_very_different_kth_distances(int bits)
    {
        // Copies of database codes (K-th distance 0 for K = 1) alternate with their complements (K-th distance near bits),
        // so the search for each query's K-th distance starts far from the answer, from above and from below.
        var random = new Random(bits);
        var database = RandomCodes.Create(200, bits, random);
        var queryBits = Enumerable.Range(0, 10).SelectMany(i =>
        {
            var code = database.ToBits().AsSpan(i * 7 * bits, bits).ToArray();
            return i % 2 == 0 ? code : code.Select(b => (byte)(1 - b)).ToArray();
        }).ToArray();
        var queries = BinaryCodes.FromBits(10, bits, queryBits);
        foreach (int k in new[] { 1, 3, 200 })
            AssertSameResult(NaiveHammingSearch.TopK(queries, database, k), HammingSearch.TopK(queries, database, k));
    }

    [Fact]
    [BadInput("retrieval", "a 3-bit query against 4-bit codes", "ArgumentException naming both lengths")]
    public void Mismatched_bit_lengths_are_rejected_with_both_lengths_named()
    {
        var error = Assert.Throws<ArgumentException>(() => HammingSearch.TopK(TestCodes.Parse("000"), Database, 1));
        Assert.Contains("3 bits", error.Message);
        Assert.Contains("4", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [BadInput("retrieval", "top-K with K = 0 or -1", "ArgumentOutOfRangeException: at least 1")]
    public void K_below_one_is_rejected(int k)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => HammingSearch.TopK(Query, Database, k));
        Assert.Contains("at least 1", error.Message);
    }

    [Fact]
    [BadInput("retrieval", "top-K with K beyond the database", "ArgumentOutOfRangeException: exceeds the database size (6)")]
    public void K_beyond_the_database_is_an_error_not_a_clamp()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => HammingSearch.TopK(Query, Database, 7));
        Assert.Contains("exceeds the database size (6)", error.Message);
    }

    private static void AssertSameResult(TopKResult expected, TopKResult actual)
    {
        Assert.Equal(expected.K, actual.K);
        Assert.Equal(expected.Indices, actual.Indices);
        Assert.Equal(expected.Distances, actual.Distances);
        Assert.Equal(expected.Cutoffs, actual.Cutoffs);
    }
}
