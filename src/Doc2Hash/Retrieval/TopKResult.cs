namespace Doc2Hash.Retrieval;

/// <summary>
/// The K nearest database codes of every query, in rank order: ascending Hamming distance, ties broken by
/// ascending database index (deterministic; the reference code of the field breaks them arbitrarily).
/// </summary>
public sealed class TopKResult
{
    public TopKResult(int queryCount, int k, int[] indices, int[] distances, RankCutoff[] cutoffs)
    {
        if (indices.Length != queryCount * k || distances.Length != queryCount * k || cutoffs.Length != queryCount)
            throw new ArgumentException($"A top-{k} result of {queryCount} queries needs {queryCount * k} indices and distances and {queryCount} cutoffs.");
        QueryCount = queryCount;
        K = k;
        Indices = indices;
        Distances = distances;
        Cutoffs = cutoffs;
    }

    /// <summary>A result of the given shape with every entry zero, for a search to fill row by row.</summary>
    internal static TopKResult Allocate(int queryCount, int k) =>
        new(queryCount, k, new int[queryCount * k], new int[queryCount * k], new RankCutoff[queryCount]);

    public int QueryCount { get; }
    public int K { get; }

    /// <summary>Database indices, row-major (queries x K), rank order within a row.</summary>
    public int[] Indices { get; }

    /// <summary>Hamming distances of <see cref="Indices"/>, row-major (queries x K), non-decreasing within a row.</summary>
    public int[] Distances { get; }

    /// <summary>Per query: the K-th distance and how many database codes are strictly closer or tied with it.</summary>
    public RankCutoff[] Cutoffs { get; }

    public ReadOnlySpan<int> IndicesOf(int query) => Indices.AsSpan(query * K, K);

    public ReadOnlySpan<int> DistancesOf(int query) => Distances.AsSpan(query * K, K);
}
