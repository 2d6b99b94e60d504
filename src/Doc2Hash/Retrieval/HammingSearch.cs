namespace Doc2Hash.Retrieval;

/// <summary>
/// Exact Hamming top-K of every query against a database, on all cores.
/// Ranking rule: ascending Hamming distance, ties broken by ascending database index. The result is therefore
/// deterministic and independent of the number of threads and of the kernel.
/// <para>
/// How: the database is regrouped eight codes at a time (<see cref="InterleavedCodes"/>) and scanned in blocks
/// that stay in cache while a block of queries passes over them (query blocking: the database is read from
/// memory once per query block, not once per query). Each query keeps a running K-th distance
/// (<see cref="TopKCollector"/>); a group of eight codes costs one XOR, popcount and compare per word and
/// lane-width, and no per-query distance array is written.
/// </para>
/// </summary>
public static class HammingSearch
{
    /// <summary>Queries scanned together over each database block; each keeps its own collector.</summary>
    private const int QueryBlock = 32;

    /// <summary>Bytes of interleaved database codes per block: well inside a core's L2 cache (0.5-2 MB on current x64).</summary>
    private const int DatabaseBlockBytes = 64 * 1024;

    /// <summary>
    /// The K nearest database codes of each query. K must be in [1, database.Count] (larger K is an error, never
    /// silently clamped); queries and database must have the same number of bits.
    /// </summary>
    public static TopKResult TopK(BinaryCodes queries, BinaryCodes database, int k) => TopK(queries, database, k, HammingKernel.Auto);

    /// <summary>
    /// The same with a chosen instruction set and at most <paramref name="threads"/> worker threads (0: all cores).
    /// Neither changes the result; they exist for tests and benchmarks.
    /// </summary>
    public static TopKResult TopK(BinaryCodes queries, BinaryCodes database, int k, HammingKernel kernel, int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        SearchInput.Validate(queries, database, k);
        kernel = HammingKernels.Resolve(kernel);
        var codes = InterleavedCodes.From(database);
        var result = TopKResult.Allocate(queries.Count, k);
        int blocks = (queries.Count + QueryBlock - 1) / QueryBlock;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads == 0 ? -1 : threads };
        Parallel.For(0, blocks, parallel, () => new QueryBlockScan(codes, k, kernel), (block, _, scan) =>
        {
            scan.Run(queries, block * QueryBlock, Math.Min(queries.Count, (block + 1) * QueryBlock), result);
            return scan;
        }, _ => { });
        return result;
    }

    /// <summary>One worker's collectors for a block of queries, reused block after block.</summary>
    private sealed class QueryBlockScan(InterleavedCodes codes, int k, HammingKernel kernel)
    {
        private readonly TopKCollector[] _collectors = [.. Enumerable.Range(0, QueryBlock).Select(_ => new TopKCollector(k, codes.Bits))];
        private readonly int _groupsPerBlock = Math.Max(1, DatabaseBlockBytes / (codes.WordsPerCode * sizeof(ulong) * InterleavedCodes.Lanes));

        public void Run(BinaryCodes queries, int first, int end, TopKResult result)
        {
            for (int q = first; q < end; q++) _collectors[q - first].Reset();
            for (int start = 0; start < codes.Groups; start += _groupsPerBlock)
            {
                int stop = Math.Min(codes.Groups, start + _groupsPerBlock);
                for (int q = first; q < end; q++) GroupScan.Run(kernel, codes, queries.Code(q), start, stop, _collectors[q - first]);
            }
            for (int q = first; q < end; q++)
                result.Cutoffs[q] = _collectors[q - first].Finish(result.Indices.AsSpan(q * k, k), result.Distances.AsSpan(q * k, k));
        }
    }
}
