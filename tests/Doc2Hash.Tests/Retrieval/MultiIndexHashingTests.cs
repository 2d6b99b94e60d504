using System.Security.Cryptography;
using Doc2Hash.Retrieval;
using Doc2Hash.Tests.Data;

namespace Doc2Hash.Tests.Retrieval;

public class MultiIndexHashingTests
{
    [Theory]
    [InlineData(32, 1_000_000, 2, new[] { 16, 16 })]          // 32 / log2(1M) = 1.6 -> 2
    [InlineData(64, 1_000_000, 3, new[] { 22, 21, 21 })]      // 3.2 -> 3; 64 mod 3 = 1 longer substring
    [InlineData(128, 1_000_000, 6, new[] { 22, 22, 21, 21, 21, 21 })] // 6.4 -> 6
    [InlineData(64, 10_257, 5, new[] { 13, 13, 13, 13, 12 })]  // 20NG's database: 64 / 13.3 = 4.8 -> 5
    [InlineData(128, 4, 64, null)]                             // tiny database: 128 / 2 = 64 two-bit substrings
    [InlineData(64, 1, 64, null)]                              // log2 of a single code taken as 1 bit: 64 one-bit substrings
    public void Recommended_layout_follows_the_paper(int bits, int databaseSize, int substrings, int[]? lengths)
    {
        var layout = SubstringLayout.Recommended(bits, databaseSize);
        Assert.Equal(substrings, layout.Count);
        if (lengths is not null) Assert.Equal(lengths, layout.Lengths);
        Assert.Equal(bits, layout.Lengths.Sum());
    }

    [Fact]
    public void Recommended_layout_never_exceeds_the_table_size_limit()
    {
        // 100 bits over 4 codes would be one 100-bit substring by the formula (100 / log2 4 = 50 -> fine), but over
        // 2^30 codes 100 / 30 = 3.3 -> 3 substrings of 34 bits: raised to 5 of 20.
        Assert.Equal(5, SubstringLayout.Recommended(100, 1 << 30).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SubstringLayout(64, 2));
    }

    [Fact]
    public void Substring_keys_take_consecutive_bits_across_word_boundaries()
    {
        // 100-bit code with ones at bits 0, 33, 60, 63, 64, 70 and 99; 5 substrings of 20 bits: [0,20) [20,40) [40,60) [60,80) [80,100).
        var bits = new byte[100];
        foreach (int b in new[] { 0, 33, 60, 63, 64, 70, 99 }) bits[b] = 1;
        var code = BinaryCodes.FromBits(1, 100, bits).Code(0);
        var layout = new SubstringLayout(100, 5);
        Assert.Equal(1u, layout.Key(code, 0));
        Assert.Equal(1u << 13, layout.Key(code, 1));                               // bit 33 = 20 + 13
        Assert.Equal(0u, layout.Key(code, 2));
        Assert.Equal(1u | 1u << 3 | 1u << 4 | 1u << 10, layout.Key(code, 3));     // bits 60, 63 | 64, 70 across the word boundary
        Assert.Equal(1u << 19, layout.Key(code, 4));                               // bit 99 = 80 + 19
    }

    public static TheoryData<int, int, int> RandomShapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (int bits in new[] { 32, 48, 64, 100, 128 })
            foreach (int size in new[] { 1, 50, 3000 })
                foreach (int substrings in new[] { 0, 1, 2, 5 }) // 0: the recommended layout
                    if (substrings == 0 || (bits + substrings - 1) / substrings <= SubstringLayout.MaxSubstringBits)
                        data.Add(bits, size, substrings);
        return data;
    }

    [Theory]
    [MemberData(nameof(RandomShapes))]
    public void Nearest_neighbours_equal_the_linear_scan_on_random_codes(int bits, int databaseSize, int substrings)
    {
        var random = new Random(bits * 101 + databaseSize + substrings);
        var database = RandomCodes.Create(databaseSize, bits, random);
        var queries = RandomCodes.Create(25, bits, random);
        var index = MultiIndexHashing.Build(database, substrings == 0 ? null : new SubstringLayout(bits, substrings));
        foreach (int k in new[] { 1, 10, 100, databaseSize }.Where(k => k <= databaseSize).Distinct())
            HammingKernelTests.AssertSameResult(HammingSearch.TopK(queries, database, k), index.TopK(queries, k));
    }

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(128)]
    public void Nearest_neighbours_equal_the_linear_scan_on_learned_like_codes_with_duplicates(int bits)
    {
        // Clustered codes as a trained model gives: 20 centres, each code a centre with 2% of its bits flipped,
        // so most clusters hold many exact duplicates; queries are perturbed centres too, plus a few random ones.
        var random = new Random(bits);
        var database = LearnedLikeCodes.Create(20, 4000, bits, 0.02, random);
        var queries = LearnedLikeCodes.Create(20, 40, bits, 0.05, random);
        var index = MultiIndexHashing.Build(database);
        var statistics = new MultiIndexStatistics();
        foreach (int k in new[] { 1, 10, 100, 1000 })
        {
            HammingKernelTests.AssertSameResult(NaiveHammingSearch.TopK(queries, database, k), index.TopK(queries, k, statistics));
            var randomQueries = RandomCodes.Create(3, bits, random);
            HammingKernelTests.AssertSameResult(HammingSearch.TopK(randomQueries, database, k), index.TopK(randomQueries, k));
        }
        Assert.Equal(4 * 40, statistics.Queries);
        Assert.InRange(statistics.CodesMeasured, 1, 4L * 40 * database.Count);
    }

    [Theory]
    [InlineData(32, 0)]
    [InlineData(64, 2)]
    [InlineData(64, 7)]
    [InlineData(100, 5)]
    [InlineData(128, 40)]
    [InlineData(128, 128)]
    public void Radius_search_returns_exactly_the_codes_within_the_radius_in_rank_order(int bits, int radius)
    {
        var random = new Random(bits + radius);
        var database = LearnedLikeCodes.Create(10, 2000, bits, 0.03, random);
        var queries = LearnedLikeCodes.Create(10, 15, bits, 0.03, random);
        var result = MultiIndexHashing.Build(database).WithinRadius(queries, radius);
        Assert.Equal(radius, result.Radius);
        for (int q = 0; q < queries.Count; q++)
        {
            var expected = NaiveHammingSearch.Rank(queries.Code(q), database).Where(p => p.Distance <= radius).ToArray();
            Assert.Equal(expected.Select(p => p.Index), result.IndicesOf(q).ToArray());
            Assert.Equal(expected.Select(p => p.Distance), result.DistancesOf(q).ToArray());
        }
    }

    [Fact]
    public void Saved_index_loads_with_the_same_codes_layout_and_results()
    {
        using var folder = new TempFolder();
        var random = new Random(5);
        var database = LearnedLikeCodes.Create(8, 500, 64, 0.05, random);
        var index = MultiIndexHashing.Build(database, new SubstringLayout(64, 4));
        string path = folder.File("codes.mih");
        index.Save(path);
        var loaded = MultiIndexHashing.Load(path);
        Assert.Equal(database.Words, loaded.Codes.Words);
        Assert.Equal(index.Layout.Lengths, loaded.Layout.Lengths);
        var queries = RandomCodes.Create(10, 64, random);
        HammingKernelTests.AssertSameResult(index.TopK(queries, 20), loaded.TopK(queries, 20));
        Assert.Throws<IOException>(() => index.Save(path));
        index.Save(path, overwrite: true);
    }

    [Fact]
    public void Corrupt_foreign_and_newer_files_are_refused_with_a_reason()
    {
        using var folder = new TempFolder();
        string path = folder.File("codes.mih");
        MultiIndexHashing.Build(RandomCodes.Create(100, 32, new Random(1))).Save(path);
        var bytes = File.ReadAllBytes(path);

        var flipped = (byte[])bytes.Clone();
        flipped[40] ^= 1;
        Assert.Contains("corrupt", Assert.Throws<InvalidDataException>(() => MultiIndexHashing.Load(folder.WriteBytes("flipped.mih", flipped))).Message);
        Assert.Contains("checksum", Assert.Throws<InvalidDataException>(() => MultiIndexHashing.Load(folder.WriteBytes("short.mih", bytes[..^8]))).Message);
        Assert.Contains("not a Doc2Hash multi-index file", Assert.Throws<InvalidDataException>(() => MultiIndexHashing.Load(folder.WriteText("text.mih", "hello, this is not an index at all"))).Message);

        // A future version with a valid checksum: refused by version, not by checksum.
        var newer = bytes[..^32];
        BitConverter.GetBytes(2).CopyTo(newer, 8);
        Assert.Contains("version 2", Assert.Throws<InvalidDataException>(() => MultiIndexHashing.Load(folder.WriteBytes("newer.mih", [.. newer, .. SHA256.HashData(newer)]))).Message);
        Assert.Throws<FileNotFoundException>(() => MultiIndexHashing.Load(folder.File("missing.mih")));
    }

    [Fact]
    public void Bad_queries_are_rejected_like_the_linear_scan()
    {
        var index = MultiIndexHashing.Build(RandomCodes.Create(10, 32, new Random(2)));
        Assert.Contains("exceeds the database size (10)", Assert.Throws<ArgumentOutOfRangeException>(() => index.TopK(RandomCodes.Create(1, 32, new Random(3)), 11)).Message);
        Assert.Contains("64 bits", Assert.Throws<ArgumentException>(() => index.TopK(RandomCodes.Create(1, 64, new Random(3)), 1)).Message);
        Assert.Contains("64 bits", Assert.Throws<ArgumentException>(() => index.WithinRadius(RandomCodes.Create(1, 64, new Random(3)), 1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => index.WithinRadius(RandomCodes.Create(1, 32, new Random(3)), -1));
        Assert.Throws<ArgumentException>(() => MultiIndexHashing.Build(RandomCodes.Create(0, 32, new Random(3))));
    }
}

/// <summary>Clustered codes with exact duplicates, like a trained model's: random centres with a few bits flipped.</summary>
internal static class LearnedLikeCodes
{
    public static BinaryCodes Create(int centres, int count, int bits, double flipProbability, Random random)
    {
        var pool = RandomCodes.Create(centres, bits, random).ToBits();
        var rows = new byte[count * bits];
        for (int i = 0; i < count; i++)
        {
            int centre = random.Next(centres);
            for (int b = 0; b < bits; b++)
                rows[i * bits + b] = (byte)(pool[centre * bits + b] ^ (random.NextDouble() < flipProbability ? 1 : 0));
        }
        return BinaryCodes.FromBits(count, bits, rows);
    }
}
