using Doc2Hash.Data;
using Doc2Hash.Retrieval;

namespace Doc2Hash.Evaluation;

/// <summary>
/// Precision@K the slow, obvious way, as the reference for <see cref="RetrievalMetrics.PrecisionAtK"/>: per query,
/// every distance one pair at a time, a full sort by (distance, index), then label sets compared directly.
/// </summary>
internal static class NaivePrecision
{
    public static double AtK(BinaryCodes queries, LabelMatrix queryLabels, BinaryCodes database, LabelMatrix databaseLabels, int k)
    {
        SearchInput.Validate(queries, database, k);
        double sum = 0;
        for (int q = 0; q < queries.Count; q++)
        {
            var ranked = NaiveHammingSearch.Rank(queries.Code(q), database);
            int hits = 0;
            for (int r = 0; r < k; r++)
                if (SharesLabel(queryLabels.Of(q), databaseLabels.Of(ranked[r].Index))) hits++;
            sum += (double)hits / k;
        }
        return sum / queries.Count;
    }

    private static bool SharesLabel(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        foreach (int label in a)
            if (b.Contains(label)) return true;
        return false;
    }
}
