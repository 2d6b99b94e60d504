namespace Doc2Hash.Text;

/// <summary>
/// How many distinct training terms each vocabulary limit removed, in scikit-learn's order: min_df and max_df
/// together (a term is counted under the bound it breaks; both cannot be broken at once), then max_features.
/// Stop words never become terms (see <see cref="StopWordUsage"/>).
/// </summary>
/// <param name="DistinctTerms">Distinct tokens of the training documents, stop words excluded.</param>
/// <param name="BelowMinDocumentFrequency">Terms in fewer than min_df documents.</param>
/// <param name="AboveMaxDocumentFrequency">Terms in more than max_df documents.</param>
/// <param name="CutByMaxFeatures">Terms within both bounds but beyond the max_features most frequent.</param>
/// <param name="Kept">The vocabulary size.</param>
public sealed record VocabularyCut(int DistinctTerms, int BelowMinDocumentFrequency, int AboveMaxDocumentFrequency, int CutByMaxFeatures, int Kept)
{
    /// <summary>Counts the cuts for a vocabulary of <paramref name="keptTerms"/> terms fitted on <paramref name="statistics"/>.</summary>
    public static VocabularyCut Measure(TermStatistics statistics, VocabularyOptions options, int keptTerms)
    {
        var (minDocuments, maxDocuments) = VocabularyBuilder.DocumentCountBounds(statistics, options);
        int below = statistics.DocumentFrequencies.Count(df => df < minDocuments);
        int above = statistics.DocumentFrequencies.Count(df => df > maxDocuments);
        int withinBounds = statistics.Terms.Count - below - above;
        return new VocabularyCut(statistics.Terms.Count, below, above, withinBounds - keptTerms, keptTerms);
    }
}
