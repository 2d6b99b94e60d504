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

    public LabelRelevance(LabelMatrix queryLabels, LabelMatrix databaseLabels)
    {
        if (queryLabels.LabelCount != databaseLabels.LabelCount)
            throw new ArgumentException(
                $"Query labels use {queryLabels.LabelCount} label ids but database labels use {databaseLabels.LabelCount}; " +
                "take both from the same dataset so that label ids mean the same thing.", nameof(queryLabels));
        _words = Math.Max(1, (queryLabels.LabelCount + LabelsPerWord - 1) / LabelsPerWord);
        _queryMasks = ToBitsets(queryLabels, _words);
        _databaseMasks = ToBitsets(databaseLabels, _words);
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

    /// <summary>Adds, for each database document, its relevance to the query at its distance: relevantAtDistance[d].</summary>
    public void CountByDistance(int query, ReadOnlySpan<int> distances, Span<int> relevantAtDistance)
    {
        relevantAtDistance.Clear();
        if (_words == 1)
        {
            ulong mask = _queryMasks[query];
            for (int i = 0; i < distances.Length; i++)
                relevantAtDistance[distances[i]] += (mask & _databaseMasks[i]) != 0 ? 1 : 0;
            return;
        }
        for (int i = 0; i < distances.Length; i++)
            if (IsRelevant(query, i)) relevantAtDistance[distances[i]]++;
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
