namespace Doc2Hash.Retrieval;

/// <summary>
/// The previous exact top-K (kit version of 2026-11): per query, every distance into an array, then threshold
/// passes over it (<see cref="HammingScan"/>). Kept, internal, as the same-run baseline of `bench retrieval` and as
/// a second reference in tests; <see cref="HammingSearch"/> must give identical results.
/// </summary>
internal static class DistanceArraySearch
{
    public static TopKResult TopK(BinaryCodes queries, BinaryCodes database, int k, int threads = 0)
    {
        SearchInput.Validate(queries, database, k);
        var result = TopKResult.Allocate(queries.Count, k);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads == 0 ? -1 : threads };
        Parallel.For(0, queries.Count, parallel, () => new HammingScan(database), (q, _, scan) =>
        {
            var cutoff = result.Cutoffs[q] = scan.Measure(queries.Code(q), k);
            scan.Collect(cutoff, result.Indices.AsSpan(q * k, k), result.Distances.AsSpan(q * k, k));
            return scan;
        }, _ => { });
        return result;
    }
}
