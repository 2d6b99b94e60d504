using Doc2Hash.Retrieval;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Retrieval;

public class HammingDistanceTests
{
    [Fact]
    public void Between_counts_differing_bits_across_words()
    {
        // 70-bit codes: bits 0 and 69 differ (words 0 and 1), so the distance is 2.
        var codes = TestCodes.Parse(new string('0', 70), "1" + new string('0', 68) + "1");
        Assert.Equal(2, HammingDistance.Between(codes.Code(0), codes.Code(1)));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(64)]
    [InlineData(100)]
    [InlineData(200)]
    public void ToAll_matches_pairwise_distances(int bits)
    {
        var random = new Random(bits);
        var query = RandomCodes.Create(1, bits, random);
        var database = RandomCodes.Create(37, bits, random);
        var distances = new int[database.Count];
        HammingDistance.ToAll(query.Code(0), database, distances);
        for (int i = 0; i < database.Count; i++)
            Assert.Equal(query.ToBits().Zip(database.ToBits().Skip(i * bits).Take(bits)).Count(p => p.First != p.Second), distances[i]);
    }

    [Fact]
    [BadInput("retrieval", "Hamming distance between codes of different lengths", "ArgumentException: same length")]
    public void Between_rejects_codes_of_different_lengths()
    {
        var error = Assert.Throws<ArgumentException>(() => HammingDistance.Between(new ulong[1], new ulong[2]));
        Assert.Contains("same length", error.Message);
    }

    [Fact]
    public void Random_codes_keep_unused_high_bits_zero()
    {
        // BinaryCodes' contract: bits past the code length in the last word are zero, or distances would count them.
        var codes = RandomCodes.Create(50, 31, new Random(3));
        Assert.All(codes.Words, word => Assert.Equal(0UL, word >> 31));
    }
}
