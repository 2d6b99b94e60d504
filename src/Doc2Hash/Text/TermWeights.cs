namespace Doc2Hash.Text;

/// <summary>
/// Every vocabulary term with its idf and its document frequency in the documents the idf was fitted on (the
/// filtered training split). High idf = rare, discriminative words; low idf = words found in many documents.
/// </summary>
public sealed record TermWeights(IReadOnlyList<string> Terms, IReadOnlyList<double> InverseDocumentFrequencies, IReadOnlyList<int> DocumentFrequencies)
{
    /// <summary>
    /// Vocabulary terms found in none of the documents the idf was fitted on. The vocabulary is fitted on the training
    /// documents before the length filter, so a term can live only in documents the filter drops (they get the
    /// highest idf, ln(n + 1) + 1).
    /// </summary>
    public int TermsInNoDocument => DocumentFrequencies.Count(df => df == 0);

    /// <summary>The <paramref name="count"/> terms of highest idf (ties: code point order of the term).</summary>
    public IReadOnlyList<int> Highest(int count) => Order(descending: true).Take(count).ToArray();

    /// <summary>The <paramref name="count"/> terms of lowest idf (ties: code point order of the term).</summary>
    public IReadOnlyList<int> Lowest(int count) => Order(descending: false).Take(count).ToArray();

    private IEnumerable<int> Order(bool descending)
    {
        var columns = Enumerable.Range(0, Terms.Count);
        var byIdf = descending
            ? columns.OrderByDescending(c => InverseDocumentFrequencies[c])
            : columns.OrderBy(c => InverseDocumentFrequencies[c]);
        return byIdf.ThenBy(c => Terms[c], CodePointComparer.Instance);
    }
}
