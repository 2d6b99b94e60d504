using Doc2Hash.Retrieval;

namespace Doc2Hash.Evaluation;

/// <summary>
/// Metrics of one query's ranked list, given as relevance flags in rank order (rank 1 first).
/// Each is 0 for a query with nothing relevant to find, so such queries lower the mean instead of vanishing from it.
/// </summary>
public static class RankingMetrics
{
    // 1 / log2(r + 1) for ranks 1..TabulatedDiscounts: NDCG needs it K times per query.
    private const int TabulatedDiscounts = 1024;
    private static readonly double[] Discounts = Enumerable.Range(1, TabulatedDiscounts).Select(r => 1 / Math.Log2(r + 1)).ToArray();

    /// <summary>Precision@K: relevant items among the first K, divided by K.</summary>
    public static double PrecisionAt(ReadOnlySpan<bool> relevantByRank, int k) => (double)HitsAt(relevantByRank, k) / k;

    /// <summary>Recall@K: relevant items among the first K over all relevant items in the database.</summary>
    public static double RecallAt(ReadOnlySpan<bool> relevantByRank, int k, int totalRelevant) =>
        totalRelevant == 0 ? 0 : (double)HitsAt(relevantByRank, k) / totalRelevant;

    /// <summary>
    /// AP@K = (1 / H) * sum over relevant ranks r &lt;= K of precision@r, where H is the number of relevant items in
    /// the first K (0 when H = 0). This is the mAP@K of the hashing literature's evaluation scripts (e.g. the LSSH
    /// script of Zhou, Ding and Guo, SIGIR 2014, and the DPSH/HashNet ones), not the IR variant dividing by min(R, K).
    /// </summary>
    public static double AveragePrecisionAt(ReadOnlySpan<bool> relevantByRank, int k)
    {
        CheckDepth(relevantByRank, k);
        int hits = 0;
        double sum = 0;
        for (int r = 1; r <= k; r++)
        {
            if (!relevantByRank[r - 1]) continue;
            hits++;
            sum += (double)hits / r;
        }
        return hits == 0 ? 0 : sum / hits;
    }

    /// <summary>
    /// NDCG@K with binary gains and a log2 discount: DCG@K = sum over r &lt;= K of rel_r / log2(r + 1); the ideal DCG
    /// puts min(totalRelevant, K) relevant items first, totalRelevant counting the whole database. 0 when nothing in
    /// the database is relevant.
    /// </summary>
    public static double NdcgAt(ReadOnlySpan<bool> relevantByRank, int k, int totalRelevant)
    {
        CheckDepth(relevantByRank, k);
        if (totalRelevant == 0) return 0;
        double dcg = 0, ideal = 0;
        for (int r = 1; r <= k; r++)
        {
            double discount = Discount(r);
            if (relevantByRank[r - 1]) dcg += discount;
            if (r <= totalRelevant) ideal += discount;
        }
        return dcg / ideal;
    }

    private static double Discount(int rank) => rank <= TabulatedDiscounts ? Discounts[rank - 1] : 1 / Math.Log2(rank + 1);

    /// <summary>
    /// Expected precision@K when ties at the K-th distance are broken uniformly at random: every code strictly
    /// closer is in the list, and each of the Tied codes at the K-th distance fills one of the SlotsLeft remaining
    /// places with probability SlotsLeft / Tied, so = (relevantCloser + relevantTied * SlotsLeft / Tied) / K.
    /// </summary>
    public static double TieAwarePrecision(RankCutoff cutoff, int relevantCloser, int relevantTied) =>
        (relevantCloser + relevantTied * (double)cutoff.SlotsLeft / cutoff.Tied) / cutoff.K;

    private static int HitsAt(ReadOnlySpan<bool> relevantByRank, int k)
    {
        CheckDepth(relevantByRank, k);
        int hits = 0;
        foreach (bool relevant in relevantByRank[..k]) hits += relevant ? 1 : 0;
        return hits;
    }

    private static void CheckDepth(ReadOnlySpan<bool> relevantByRank, int k)
    {
        if (k <= 0 || k > relevantByRank.Length)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"K must be in [1, {relevantByRank.Length}] (the length of the ranked list).");
    }
}
