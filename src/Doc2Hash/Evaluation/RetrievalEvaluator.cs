using Doc2Hash.Data;
using Doc2Hash.Retrieval;

namespace Doc2Hash.Evaluation;

/// <summary>
/// Exact Hamming-ranking evaluation of query codes against database codes (the hashing literature's protocol:
/// queries = test documents, database = training documents). Ranking is by ascending Hamming distance with ties
/// broken by ascending database index; relevance is "shares at least one label" (single-label: same label;
/// a document without labels is never relevant). Runs on all cores; results do not depend on the thread count.
/// </summary>
public static class RetrievalEvaluator
{
    public static RetrievalReport Evaluate(
        BinaryCodes queries, LabelMatrix queryLabels, BinaryCodes database, LabelMatrix databaseLabels, RetrievalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Validate(queries, queryLabels, database, databaseLabels, options.MaxDepth);
        var relevance = new LabelRelevance(queryLabels, databaseLabels);
        int depths = options.PrecisionCurveDepths.Count;
        var scores = new QueryScores[queries.Count];
        var curves = new double[queries.Count * depths]; // (queries x curve depths)
        Parallel.For(0, queries.Count, () => new QueryEvaluation(queries, database, relevance, options), (q, _, worker) =>
        {
            scores[q] = worker.Evaluate(q, curves.AsSpan(q * depths, depths));
            return worker;
        }, _ => { });
        return Summarize(scores, curves, queries, database, options);
    }

    private static void Validate(BinaryCodes queries, LabelMatrix queryLabels, BinaryCodes database, LabelMatrix databaseLabels, int depth)
    {
        ArgumentNullException.ThrowIfNull(queryLabels);
        ArgumentNullException.ThrowIfNull(databaseLabels);
        SearchInput.Validate(queries, database, depth);
        if (queries.Count == 0)
            throw new ArgumentException("There are no query codes; evaluation needs at least one query.", nameof(queries));
        if (queryLabels.Count != queries.Count)
            throw new ArgumentException(
                $"Query labels have {queryLabels.Count} rows but there are {queries.Count} query codes; pass the labels of the same documents, in the same order.",
                nameof(queryLabels));
        if (databaseLabels.Count != database.Count)
            throw new ArgumentException(
                $"Database labels have {databaseLabels.Count} rows but there are {database.Count} database codes; pass the labels of the same documents, in the same order.",
                nameof(databaseLabels));
    }

    // Means in query order, so the result is bitwise the same whatever the thread scheduling.
    private static RetrievalReport Summarize(QueryScores[] scores, double[] curves, BinaryCodes queries, BinaryCodes database, RetrievalOptions options)
    {
        int depths = options.PrecisionCurveDepths.Count;
        var curve = new PrecisionAtDepth[depths];
        for (int i = 0; i < depths; i++)
        {
            double sum = 0;
            for (int q = 0; q < scores.Length; q++) sum += curves[q * depths + i];
            curve[i] = new PrecisionAtDepth(options.PrecisionCurveDepths[i], sum / scores.Length);
        }
        return new RetrievalReport(
            QueryCount: queries.Count,
            DatabaseCount: database.Count,
            Bits: database.Bits,
            K: options.K,
            PrecisionAtK: scores.Average(s => s.Precision),
            TieAwarePrecisionAtK: scores.Average(s => s.TieAwarePrecision),
            MeanAveragePrecisionAtK: scores.Average(s => s.AveragePrecision),
            NdcgAtK: scores.Average(s => s.Ndcg),
            RecallAtK: scores.Average(s => s.Recall),
            HammingRadius: options.HammingRadius,
            PrecisionWithinRadius: scores.Average(s => s.PrecisionWithinRadius),
            ShareOfQueriesWithinRadius: scores.Average(s => s.WithinRadius > 0 ? 1.0 : 0.0),
            MeanTiedAtKthDistance: scores.Average(s => (double)s.Cutoff.Tied),
            PrecisionCurve: curve,
            PerQuery: options.KeepPerQuery ? scores : []);
    }
}
