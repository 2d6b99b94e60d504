namespace Doc2Hash.Text;

/// <summary>
/// Learns a vocabulary the way scikit-learn's <c>CountVectorizer.fit</c> does (sklearn/feature_extraction/text.py,
/// <c>fit_transform</c>, <c>_sort_features</c>, <c>_limit_features</c>):
/// <list type="number">
/// <item>count every token of the (training) documents, stop words excluded;</item>
/// <item>keep terms with <c>min_df &lt;= df &lt;= max_df</c>, each bound turned into documents first
/// (a proportion is multiplied by the number of documents, as a float);</item>
/// <item>if more than <c>max_features</c> remain, keep those with the largest total count over all documents;</item>
/// <item>lay the kept terms out in code point order (Python's string order).</item>
/// </list>
/// Ties at the <c>max_features</c> cut: scikit-learn sorts the terms, then keeps the first <c>max_features</c> of
/// <c>(-tfs[mask]).argsort()</c>. numpy's default argsort is an unstable introsort, so which of the tied terms survive
/// follows from that algorithm, not from a simple rule; <see cref="MaxFeaturesTieBreak.ScikitLearn"/> reproduces it
/// (on 20 Newsgroups, 102 of the 10,000 terms depend on it), <see cref="MaxFeaturesTieBreak.AscendingTerm"/> keeps
/// the smallest tied terms instead (what a stable sort would give).
/// </summary>
public static class VocabularyBuilder
{
    public static Vocabulary Fit(IReadOnlyList<string> documents, VocabularyOptions options)
        => Fit(TermStatistics.Collect(documents, options.StopWords), options);

    public static Vocabulary Fit(TermStatistics statistics, VocabularyOptions options)
    {
        if (options.MaxFeatures is <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxFeatures, "max_features must be a positive number of terms, or null for no limit.");
        if (statistics.Terms.Count == 0)
            throw new InvalidOperationException(
                $"The {statistics.DocumentCount} training documents contain no token of two or more word characters " +
                "outside the stop-word list, so no vocabulary can be learned; check that the documents have text, or turn stop words off.");
        var candidates = WithinDocumentFrequencyBounds(statistics, options);
        if (options.MaxFeatures is int limit && candidates.Count > limit)
            candidates = options.TieBreak == MaxFeaturesTieBreak.ScikitLearn
                ? MostFrequentAsScikitLearn(statistics, candidates, limit)
                : MostFrequentByAscendingTerm(statistics, candidates, limit);
        var terms = candidates.Select(i => statistics.Terms[i]).ToArray();
        Array.Sort(terms, CodePointComparer.Instance);
        return new Vocabulary(terms);
    }

    /// <summary>min_df and max_df as numbers of documents of these statistics (a proportion times the document count, as a float).</summary>
    public static (double MinDocuments, double MaxDocuments) DocumentCountBounds(TermStatistics statistics, VocabularyOptions options) =>
        (options.MinDocumentFrequency.ToDocumentCount(statistics.DocumentCount), options.MaxDocumentFrequency.ToDocumentCount(statistics.DocumentCount));

    private static List<int> WithinDocumentFrequencyBounds(TermStatistics statistics, VocabularyOptions options)
    {
        var (minDocuments, maxDocuments) = DocumentCountBounds(statistics, options);
        if (maxDocuments < minDocuments)
            throw new ArgumentException(
                $"max_df ({options.MaxDocumentFrequency} = {maxDocuments} of {statistics.DocumentCount} training documents) allows fewer documents " +
                $"than min_df ({options.MinDocumentFrequency} = {minDocuments}); raise max_df or lower min_df.");
        var kept = new List<int>();
        for (int i = 0; i < statistics.Terms.Count; i++)
        {
            int df = statistics.DocumentFrequencies[i];
            if (df <= maxDocuments && df >= minDocuments) kept.Add(i);
        }
        if (kept.Count == 0)
            throw new InvalidOperationException(
                $"After pruning no terms remain: none of the {statistics.Terms.Count} distinct terms of the {statistics.DocumentCount} training documents " +
                $"occurs in at least min_df ({options.MinDocumentFrequency}) and at most max_df ({options.MaxDocumentFrequency}) documents; lower min_df or raise max_df.");
        return kept;
    }

    private static List<int> MostFrequentAsScikitLearn(TermStatistics statistics, List<int> candidates, int limit)
    {
        // scikit-learn's columns are in sorted term order when the cut is made.
        candidates.Sort((a, b) => CodePointComparer.Instance.Compare(statistics.Terms[a], statistics.Terms[b]));
        var negatedTotals = candidates.Select(c => -statistics.TotalCounts[c]).ToArray();
        var order = NumpyArgsort.Argsort(negatedTotals);
        return order.Take(limit).Select(position => candidates[position]).ToList();
    }

    private static List<int> MostFrequentByAscendingTerm(TermStatistics statistics, List<int> candidates, int limit)
    {
        candidates.Sort((a, b) =>
        {
            int byCount = statistics.TotalCounts[b].CompareTo(statistics.TotalCounts[a]);
            return byCount != 0 ? byCount : CodePointComparer.Instance.Compare(statistics.Terms[a], statistics.Terms[b]);
        });
        return candidates.GetRange(0, limit);
    }
}
