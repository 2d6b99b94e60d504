// TEMPORARY stand-in, replaced by the retrieval-eval branch
using System.Numerics;
using Doc2Hash.Data;
using Doc2Hash.Retrieval;

namespace Doc2Hash.Evaluation;

/// <summary>Naive precision@K: per-pair popcount, ranking by (Hamming distance, database index).</summary>
public static class RetrievalMetrics
{
    /// <summary>
    /// Mean over queries of the share of the K nearest database codes (ties broken by database index) that are
    /// relevant: sharing at least one label with the query (single-label: the same label).
    /// </summary>
    public static double PrecisionAtK(BinaryCodes queries, LabelMatrix queryLabels, BinaryCodes database, LabelMatrix databaseLabels, int k = 100)
    {
        if (queries.Count == 0) return 0;
        int top = Math.Min(k, database.Count);
        var order = new (int Distance, int Index)[database.Count];
        double total = 0;
        for (int q = 0; q < queries.Count; q++)
        {
            var query = queries.Code(q);
            for (int d = 0; d < database.Count; d++)
            {
                var code = database.Code(d);
                int distance = 0;
                for (int w = 0; w < query.Length; w++) distance += BitOperations.PopCount(query[w] ^ code[w]);
                order[d] = (distance, d);
            }
            Array.Sort(order);
            int relevant = 0;
            for (int i = 0; i < top; i++)
                if (SharesLabel(queryLabels.Of(q), databaseLabels.Of(order[i].Index))) relevant++;
            total += (double)relevant / k;
        }
        return total / queries.Count;
    }

    private static bool SharesLabel(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        foreach (int x in a)
            if (b.Contains(x)) return true;
        return false;
    }
}
