using Doc2Hash.Data;

namespace Doc2Hash.Evaluation;

/// <summary>
/// The relevance rule of the hashing literature (paper.md, "Evaluation"): a database document is relevant to a
/// query when they share at least one label. For single-label data that is "same label"; a document without labels
/// is never relevant. Labels are held as per-document bitsets so a check is one AND per 64 labels
/// (a single word when LabelCount &lt;= 64, e.g. 20 Newsgroups and Reuters).
/// </summary>
internal sealed class LabelRelevance
{
    private const int LabelsPerWord = 64;
    private readonly int _words;            // bitset words per document
    private readonly ulong[] _queryMasks;    // (queries x words)
    private readonly ulong[] _databaseMasks; // (database x words)
    private readonly int[] _totalRelevant;   // (queries) relevant documents in the whole database

    public LabelRelevance(LabelMatrix queryLabels, LabelMatrix databaseLabels)
    {
        if (queryLabels.LabelCount != databaseLabels.LabelCount)
            throw new ArgumentException(
                $"Query labels use {queryLabels.LabelCount} label ids but database labels use {databaseLabels.LabelCount}; " +
                "take both from the same dataset so that label ids mean the same thing.", nameof(queryLabels));
        _words = Math.Max(1, (queryLabels.LabelCount + LabelsPerWord - 1) / LabelsPerWord);
        _queryMasks = ToBitsets(queryLabels, _words);
        _databaseMasks = ToBitsets(databaseLabels, _words);
        _totalRelevant = CountRelevantPerQuery(queryLabels, databaseLabels.Count);
    }

    public bool IsRelevant(int query, int document)
    {
        if (_words == 1) return (_queryMasks[query] & _databaseMasks[document]) != 0;
        var q = _queryMasks.AsSpan(query * _words, _words);
        var d = _databaseMasks.AsSpan(document * _words, _words);
        for (int w = 0; w < _words; w++)
            if ((q[w] & d[w]) != 0) return true;
        return false;
    }

    /// <summary>Relevant documents among <paramref name="documents"/> at each distance: relevantAtDistance[d].</summary>
    public void CountByDistance(int query, ReadOnlySpan<int> documents, ReadOnlySpan<int> distances, Span<int> relevantAtDistance)
    {
        relevantAtDistance.Clear();
        foreach (int i in documents)
            if (IsRelevant(query, i)) relevantAtDistance[distances[i]]++;
    }

    /// <summary>Relevant documents in the whole database (recall's and NDCG's denominator).</summary>
    public int TotalRelevant(int query) => _totalRelevant[query];

    // Queries with the same label set share the count, so each distinct set is counted once (20 for 20 Newsgroups).
    private int[] CountRelevantPerQuery(LabelMatrix queryLabels, int databaseCount)
    {
        var representatives = new Dictionary<string, int>();
        var representativeOf = new int[queryLabels.Count];
        for (int q = 0; q < queryLabels.Count; q++)
        {
            string labelSet = string.Join(',', queryLabels.Of(q).ToArray());
            if (!representatives.TryGetValue(labelSet, out representativeOf[q])) representatives[labelSet] = representativeOf[q] = q;
        }
        var totals = new int[queryLabels.Count];
        Parallel.ForEach(representatives.Values, q => totals[q] = Enumerable.Range(0, databaseCount).Count(doc => IsRelevant(q, doc)));
        for (int q = 0; q < totals.Length; q++) totals[q] = totals[representativeOf[q]];
        return totals;
    }

    private static ulong[] ToBitsets(LabelMatrix labels, int words)
    {
        var masks = new ulong[labels.Count * words];
        for (int doc = 0; doc < labels.Count; doc++)
            foreach (int label in labels.Of(doc))
                masks[doc * words + label / LabelsPerWord] |= 1UL << (label % LabelsPerWord);
        return masks;
    }
}
