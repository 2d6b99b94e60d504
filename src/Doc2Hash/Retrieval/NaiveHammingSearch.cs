namespace Doc2Hash.Retrieval;

/// <summary>
/// The reference that <see cref="HammingSearch"/> must equal exactly: single-threaded, one pair at a time, a full
/// sort of every database code by (distance, index) per query. Slow on purpose; tests and the benchmark use it.
/// </summary>
internal static class NaiveHammingSearch
{
    public static TopKResult TopK(BinaryCodes queries, BinaryCodes database, int k)
    {
        SearchInput.Validate(queries, database, k);
        var result = TopKResult.Allocate(queries.Count, k);
        for (int q = 0; q < queries.Count; q++)
        {
            var ranked = Rank(queries.Code(q), database);
            for (int r = 0; r < k; r++) (result.Distances[q * k + r], result.Indices[q * k + r]) = ranked[r];
            result.Cutoffs[q] = CutoffOf(ranked, k);
        }
        return result;
    }

    /// <summary>Every database code as (distance, index), sorted by distance then index.</summary>
    public static (int Distance, int Index)[] Rank(ReadOnlySpan<ulong> query, BinaryCodes database)
    {
        var ranked = new (int Distance, int Index)[database.Count];
        for (int i = 0; i < database.Count; i++) ranked[i] = (HammingDistance.Between(query, database.Code(i)), i);
        Array.Sort(ranked); // tuples compare by Distance, then Index
        return ranked;
    }

    private static RankCutoff CutoffOf((int Distance, int Index)[] ranked, int k)
    {
        int kth = ranked[k - 1].Distance;
        int closer = ranked.Count(pair => pair.Distance < kth);
        int tied = ranked.Count(pair => pair.Distance == kth);
        return new RankCutoff(k, kth, closer, tied);
    }
}
