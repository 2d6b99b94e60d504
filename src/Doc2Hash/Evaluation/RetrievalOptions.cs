namespace Doc2Hash.Evaluation;

/// <summary>What <see cref="RetrievalEvaluator"/> measures. Override with `with { K = 10 }`.</summary>
public sealed record RetrievalOptions
{
    /// <summary>Depth of precision@K, tie-aware precision@K, mAP@K, NDCG@K and recall@K: 100, as the field reports (paper.md).</summary>
    public int K { get; init; } = 100;

    /// <summary>Depths of the precision@K curve; empty = no curve. Each must be in [1, database size].</summary>
    public IReadOnlyList<int> PrecisionCurveDepths { get; init; } = [];

    /// <summary>Radius of the lookup metric "precision within Hamming radius r": 2, the hashing literature's choice.</summary>
    public int HammingRadius { get; init; } = 2;

    /// <summary>Keep every query's scores in the report (for distributions and tie analysis); off to keep reports small.</summary>
    public bool KeepPerQuery { get; init; }

    /// <summary>Every depth the evaluation ranks to: K and the curve depths.</summary>
    internal int MaxDepth => PrecisionCurveDepths.Count == 0 ? K : Math.Max(K, PrecisionCurveDepths.Max());

    internal void Validate()
    {
        if (K <= 0)
            throw new ArgumentOutOfRangeException(nameof(K), K, "K must be at least 1 (the number of database codes to retrieve per query).");
        foreach (int depth in PrecisionCurveDepths)
            if (depth <= 0)
                throw new ArgumentOutOfRangeException(nameof(PrecisionCurveDepths), depth, "Every precision curve depth must be at least 1.");
        if (HammingRadius < 0)
            throw new ArgumentOutOfRangeException(nameof(HammingRadius), HammingRadius, "The Hamming radius must be 0 or more.");
    }
}
