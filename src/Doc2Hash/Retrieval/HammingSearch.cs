namespace Doc2Hash.Retrieval;

/// <summary>
/// Exact Hamming top-K of every query against a database, on all cores.
/// Ranking rule: ascending Hamming distance, ties broken by ascending database index. The result is therefore
/// deterministic and independent of the number of threads.
/// </summary>
public static class HammingSearch
{
    /// <summary>
    /// The K nearest database codes of each query. K must be in [1, database.Count] (larger K is an error, never
    /// silently clamped); queries and database must have the same number of bits.
    /// </summary>
    public static TopKResult TopK(BinaryCodes queries, BinaryCodes database, int k)
    {
        SearchInput.Validate(queries, database, k);
        var result = TopKResult.Allocate(queries.Count, k);
        Parallel.For(0, queries.Count, () => new HammingScan(database), (q, _, scan) =>
        {
            var cutoff = result.Cutoffs[q] = scan.Measure(queries.Code(q), k);
            scan.Collect(cutoff, result.Indices.AsSpan(q * k, k), result.Distances.AsSpan(q * k, k));
            return scan;
        }, _ => { });
        return result;
    }
}
