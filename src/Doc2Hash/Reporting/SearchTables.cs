using Doc2Hash.Experiments;
using Microsoft.Data.Analysis;

namespace Doc2Hash.Reporting;

/// <summary>
/// Search results as DataFrames for notebooks: the ranked hits of one query, and the sizes of the Hamming balls around
/// its code. When the query's labels are known (a test document) each hit is marked relevant by the literature's rule
/// (paper.md, "Evaluation"; <see cref="Evaluation.LabelRelevance"/>): it shares at least one label with the query.
/// </summary>
public static class SearchTables
{
    /// <summary>Decimals of the precision column (a DataFrame prints doubles in full otherwise).</summary>
    public const int Decimals = 4;

    /// <summary>
    /// One row per hit: rank, Hamming distance, relevant (only with <paramref name="queryLabels"/>), id, labels and
    /// the document's first words.
    /// </summary>
    public static DataFrame Hits(IReadOnlyList<SearchHit> hits, IReadOnlyList<string>? queryLabels = null)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var columns = new List<DataFrameColumn>
        {
            new Int32DataFrameColumn("rank", hits.Select(h => h.Rank)),
            new Int32DataFrameColumn("distance", hits.Select(h => h.Distance)),
        };
        if (queryLabels is not null) columns.Add(new BooleanDataFrameColumn("relevant", hits.Select(h => IsRelevant(h, queryLabels))));
        columns.Add(new StringDataFrameColumn("id", hits.Select(h => h.Document.Id)));
        columns.Add(new StringDataFrameColumn("labels", hits.Select(h => string.Join(", ", h.Document.Labels))));
        columns.Add(new StringDataFrameColumn("first words", hits.Select(h => h.Document.Preview)));
        return new DataFrame(columns);
    }

    /// <summary>
    /// One row per radius: how many training documents lie within that Hamming distance of the code (every hit of the
    /// ball, not a top-K), and, with <paramref name="queryLabels"/>, how many of them are relevant and their share
    /// (rounded to <see cref="Decimals"/>; NaN for an empty ball: precision of nothing retrieved is undefined, not zero).
    /// </summary>
    public static DataFrame Balls(IReadOnlyList<(int Radius, IReadOnlyList<SearchHit> Hits)> balls, IReadOnlyList<string>? queryLabels = null)
    {
        ArgumentNullException.ThrowIfNull(balls);
        var columns = new List<DataFrameColumn>
        {
            new Int32DataFrameColumn("radius", balls.Select(b => b.Radius)),
            new Int32DataFrameColumn("documents", balls.Select(b => b.Hits.Count)),
        };
        if (queryLabels is not null)
        {
            var relevant = balls.Select(b => b.Hits.Count(h => IsRelevant(h, queryLabels))).ToList();
            columns.Add(new Int32DataFrameColumn("relevant", relevant));
            columns.Add(new DoubleDataFrameColumn("precision", balls.Select((b, i) => b.Hits.Count == 0 ? double.NaN : Math.Round((double)relevant[i] / b.Hits.Count, Decimals))));
        }
        return new DataFrame(columns);
    }

    /// <summary>The hit shares at least one label with the query (a document without labels is never relevant).</summary>
    public static bool IsRelevant(SearchHit hit, IReadOnlyList<string> queryLabels)
    {
        ArgumentNullException.ThrowIfNull(hit);
        ArgumentNullException.ThrowIfNull(queryLabels);
        return hit.Document.Labels.Any(l => queryLabels.Contains(l, StringComparer.Ordinal));
    }
}
