using Doc2Hash.Data;
using Doc2Hash.Retrieval;

namespace Doc2Hash.Evaluation;

/// <summary>Single-number shortcuts over <see cref="RetrievalEvaluator"/>, e.g. for model selection.</summary>
public static class RetrievalMetrics
{
    /// <summary>
    /// Precision@K (default 100) of query codes against database codes, ties at the K-th distance broken by database
    /// index; relevance = at least one shared label. Mean over queries.
    /// </summary>
    public static double PrecisionAtK(BinaryCodes queries, LabelMatrix queryLabels, BinaryCodes database, LabelMatrix databaseLabels, int k = 100) =>
        RetrievalEvaluator.Evaluate(queries, queryLabels, database, databaseLabels, new RetrievalOptions { K = k }).PrecisionAtK;
}
