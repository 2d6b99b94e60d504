using Doc2Hash.Retrieval;

namespace Doc2Hash.Evaluation;

/// <summary>
/// The metrics of one query (definitions in <see cref="RankingMetrics"/>) and the counts behind them;
/// <see cref="RetrievalEvaluator"/> averages them over all queries.
/// </summary>
/// <param name="Cutoff">Where the top-K list ends: K-th distance, codes strictly closer, codes tied at it.</param>
/// <param name="RelevantCloser">Relevant database codes strictly closer than the K-th distance (all in the list).</param>
/// <param name="RelevantTied">Relevant database codes at exactly the K-th distance, in the list or not.</param>
/// <param name="TotalRelevant">Relevant documents in the whole database.</param>
/// <param name="WithinRadius">Database codes within the lookup radius.</param>
/// <param name="RelevantWithinRadius">Relevant ones among them.</param>
public readonly record struct QueryScores(
    double Precision,
    double TieAwarePrecision,
    double AveragePrecision,
    double Ndcg,
    double Recall,
    double PrecisionWithinRadius,
    RankCutoff Cutoff,
    int RelevantCloser,
    int RelevantTied,
    int TotalRelevant,
    int WithinRadius,
    int RelevantWithinRadius);
