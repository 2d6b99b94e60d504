using Doc2Hash.Retrieval;

namespace Doc2Hash.Evaluation;

/// <summary>
/// One worker's evaluation of query after query: the scan gives the distances, the ranked list and the few codes
/// within the K-th distance and the lookup radius; counting the relevant ones among those per distance gives the
/// tie-aware precision and the radius lookup, and recall's denominator comes precomputed per label set.
/// </summary>
internal sealed class QueryEvaluation
{
    private readonly BinaryCodes _queries;
    private readonly LabelRelevance _relevance;
    private readonly RetrievalOptions _options;
    private readonly HammingScan _scan;
    private readonly int _radius;               // the lookup radius, capped at the code length
    private readonly int[] _relevantAtDistance; // (bits + 1) relevant database codes at each distance
    private readonly int[] _indices;            // (max depth) ranked database indices
    private readonly int[] _distances;          // (max depth) their distances
    private readonly bool[] _relevantByRank;    // (max depth)

    public QueryEvaluation(BinaryCodes queries, BinaryCodes database, LabelRelevance relevance, RetrievalOptions options)
    {
        _queries = queries;
        _relevance = relevance;
        _options = options;
        _scan = new HammingScan(database);
        _radius = Math.Min(options.HammingRadius, database.Bits);
        _relevantAtDistance = new int[database.Bits + 1];
        _indices = new int[options.MaxDepth];
        _distances = new int[options.MaxDepth];
        _relevantByRank = new bool[options.MaxDepth];
    }

    /// <summary>Scores query <paramref name="q"/> and writes its precision curve into <paramref name="curve"/>.</summary>
    public QueryScores Evaluate(int q, Span<double> curve)
    {
        // Gathers every code up to the deepest K-th distance and the lookup radius: all that relevance is needed for.
        var deepest = _scan.Measure(_queries.Code(q), _indices.Length, _radius);
        Rank(q, deepest);
        for (int i = 0; i < curve.Length; i++) curve[i] = RankingMetrics.PrecisionAt(_relevantByRank, _options.PrecisionCurveDepths[i]);

        int k = _options.K;
        var cutoff = _scan.FindCutoff(k);
        _relevance.CountByDistance(q, _scan.Gathered, _scan.Distances, _relevantAtDistance);
        int totalRelevant = _relevance.TotalRelevant(q);
        int relevantCloser = Sum(_relevantAtDistance, cutoff.Distance), relevantTied = _relevantAtDistance[cutoff.Distance];
        int withinRadius = Sum(_scan.Histogram, _radius + 1), relevantWithinRadius = Sum(_relevantAtDistance, _radius + 1);
        return new QueryScores(
            Precision: RankingMetrics.PrecisionAt(_relevantByRank, k),
            TieAwarePrecision: RankingMetrics.TieAwarePrecision(cutoff, relevantCloser, relevantTied),
            AveragePrecision: RankingMetrics.AveragePrecisionAt(_relevantByRank, k),
            Ndcg: RankingMetrics.NdcgAt(_relevantByRank, k, totalRelevant),
            Recall: RankingMetrics.RecallAt(_relevantByRank, k, totalRelevant),
            PrecisionWithinRadius: withinRadius == 0 ? 0 : (double)relevantWithinRadius / withinRadius,
            Cutoff: cutoff,
            RelevantCloser: relevantCloser,
            RelevantTied: relevantTied,
            TotalRelevant: totalRelevant,
            WithinRadius: withinRadius,
            RelevantWithinRadius: relevantWithinRadius);
    }

    // The ranked list to the deepest depth asked for, with the relevance of each entry.
    private void Rank(int q, RankCutoff deepest)
    {
        _scan.Collect(deepest, _indices, _distances);
        for (int r = 0; r < _indices.Length; r++) _relevantByRank[r] = _relevance.IsRelevant(q, _indices[r]);
    }

    // Sum of the first `count` entries: codes at distances 0 .. count - 1.
    private static int Sum(ReadOnlySpan<int> perDistance, int count)
    {
        int sum = 0;
        foreach (int n in perDistance[..count]) sum += n;
        return sum;
    }
}
