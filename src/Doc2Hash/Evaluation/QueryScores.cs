namespace Doc2Hash.Evaluation;

/// <summary>The metrics of one query; <see cref="RetrievalEvaluator"/> averages them over all queries.</summary>
internal readonly record struct QueryScores(
    double Precision,
    double TieAwarePrecision,
    double AveragePrecision,
    double Ndcg,
    double Recall,
    double PrecisionWithinRadius,
    bool AnyWithinRadius,
    int TiedAtKthDistance);
