namespace Doc2Hash.Evaluation;

/// <summary>Precision at one depth of the precision@K curve.</summary>
public readonly record struct PrecisionAtDepth(int K, double Precision);

/// <summary>
/// Retrieval quality of query codes against database codes, each metric the mean over all queries
/// (definitions in <see cref="RankingMetrics"/>; ranking by (Hamming distance, database index)).
/// </summary>
/// <param name="PrecisionAtK">Precision@K with ties at the K-th distance broken by database index: the number the field reports.</param>
/// <param name="TieAwarePrecisionAtK">Expected precision@K with those ties broken uniformly at random.</param>
/// <param name="MeanAveragePrecisionAtK">mAP@K, AP normalised by the relevant items found in the top K.</param>
/// <param name="NdcgAtK">NDCG@K, binary gains, log2 discount, ideal from all relevant items in the database.</param>
/// <param name="RecallAtK">Relevant items in the top K over all relevant items in the database.</param>
/// <param name="PrecisionWithinRadius">Precision among database codes within <paramref name="HammingRadius"/>; a query with none scores 0 (the hashing literature's convention for a failed hash lookup).</param>
/// <param name="ShareOfQueriesWithinRadius">Share of queries with at least one database code within the radius.</param>
/// <param name="MeanTiedAtKthDistance">Mean number of database codes at exactly the K-th distance: how much ties matter.</param>
/// <param name="PerQuery">Each query's scores in query order when <see cref="RetrievalOptions.KeepPerQuery"/> is set, else empty.</param>
public sealed record RetrievalReport(
    int QueryCount,
    int DatabaseCount,
    int Bits,
    int K,
    double PrecisionAtK,
    double TieAwarePrecisionAtK,
    double MeanAveragePrecisionAtK,
    double NdcgAtK,
    double RecallAtK,
    int HammingRadius,
    double PrecisionWithinRadius,
    double ShareOfQueriesWithinRadius,
    double MeanTiedAtKthDistance,
    IReadOnlyList<PrecisionAtDepth> PrecisionCurve,
    IReadOnlyList<QueryScores> PerQuery);
