using Doc2Hash.Retrieval;

namespace Doc2Hash.Tests.Retrieval;

/// <summary>Every scan kernel this processor runs gives exactly the naive full sort's result (and the previous implementation's).</summary>
public class HammingKernelTests
{
    public static TheoryData<HammingKernel, int, int> KernelsAndShapes()
    {
        var data = new TheoryData<HammingKernel, int, int>();
        foreach (var kernel in HammingKernels.Supported)
            foreach (int bits in new[] { 8, 31, 64, 65, 100, 128, 129, 200, 300 })
                foreach (int size in new[] { 1, 7, 8, 9, 2500 })
                    data.Add(kernel, bits, size);
        return data;
    }

    [Theory]
    [MemberData(nameof(KernelsAndShapes))]
    public void Kernel_equals_the_naive_sort_on_random_codes(HammingKernel kernel, int bits, int databaseSize)
    {
        var random = new Random(bits * 131 + databaseSize);
        // 70 queries: more than two query blocks, the last one partial.
        var queries = RandomCodes.Create(70, bits, random);
        var database = RandomCodes.Create(databaseSize, bits, random);
        foreach (int k in new[] { 1, 10, 100, databaseSize }.Where(k => k <= databaseSize).Distinct())
        {
            var expected = NaiveHammingSearch.TopK(queries, database, k);
            AssertSameResult(expected, HammingSearch.TopK(queries, database, k, kernel));
            AssertSameResult(expected, DistanceArraySearch.TopK(queries, database, k));
        }
    }

    [Theory]
    [MemberData(nameof(KernelsAndShapes))]
    public void Kernel_equals_the_naive_sort_when_most_codes_are_duplicates(HammingKernel kernel, int bits, int databaseSize)
    {
        // Learned codes repeat: draw the database from 6 distinct codes, and half the queries from the same pool
        // (K-th distance 0 with thousands of ties), half at random.
        var random = new Random(bits * 17 + databaseSize);
        var pool = RandomCodes.Create(6, bits, random);
        var database = FromPool(pool, databaseSize, random);
        var queries = Interleave(FromPool(pool, 20, random), RandomCodes.Create(20, bits, random));
        foreach (int k in new[] { 1, 3, 100, databaseSize }.Where(k => k <= databaseSize).Distinct())
            AssertSameResult(NaiveHammingSearch.TopK(queries, database, k), HammingSearch.TopK(queries, database, k, kernel));
    }

    public static TheoryData<HammingKernel, int> KernelsAndLengths()
    {
        var data = new TheoryData<HammingKernel, int>();
        foreach (var kernel in HammingKernels.Supported)
            foreach (int bits in new[] { 8, 64, 65, 128, 300 })
                data.Add(kernel, bits);
        return data;
    }

    [Theory]
    [MemberData(nameof(KernelsAndLengths))]
    public void Kernel_equals_the_naive_sort_across_database_blocks(HammingKernel kernel, int bits)
    {
        // 20,003 codes: several 64 KB database blocks at every length, an odd number of groups, a partial last group.
        var random = new Random(bits);
        var queries = RandomCodes.Create(5, bits, random);
        var database = RandomCodes.Create(20_003, bits, random);
        foreach (int k in new[] { 1, 100 })
            AssertSameResult(NaiveHammingSearch.TopK(queries, database, k), HammingSearch.TopK(queries, database, k, kernel));
    }

    [Fact]
    public void Auto_picks_a_supported_kernel()
    {
        Assert.Contains(HammingKernels.Resolve(HammingKernel.Auto), HammingKernels.Supported);
    }

    internal static BinaryCodes FromPool(BinaryCodes pool, int count, Random random) =>
        new(count, pool.Bits, [.. Enumerable.Range(0, count).SelectMany(_ => pool.Code(random.Next(pool.Count)).ToArray())]);

    private static BinaryCodes Interleave(BinaryCodes a, BinaryCodes b) =>
        new(a.Count + b.Count, a.Bits, [.. Enumerable.Range(0, a.Count + b.Count).SelectMany(i => (i % 2 == 0 ? a.Code(i / 2) : b.Code(i / 2)).ToArray())]);

    internal static void AssertSameResult(TopKResult expected, TopKResult actual)
    {
        Assert.Equal(expected.K, actual.K);
        Assert.Equal(expected.Indices, actual.Indices);
        Assert.Equal(expected.Distances, actual.Distances);
        Assert.Equal(expected.Cutoffs, actual.Cutoffs);
    }
}
