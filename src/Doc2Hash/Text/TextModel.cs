namespace Doc2Hash.Text;

/// <summary>
/// What turns raw text into a dataset's TF-IDF rows: the tokenizer (<see cref="Tokenizer"/>: lowercase, then
/// scikit-learn's <c>(?u)\b\w\w+\b</c>), the fitted vocabulary (tokens outside it, stop words included, are
/// ignored) and the fitted TF-IDF weights. <see cref="Transform"/> is the same code path the preprocessing runs
/// (<see cref="TermCounter"/> then <see cref="TfidfTransformer.Transform"/>), so a training document's text gives
/// exactly its row of the prepared dataset. The document length filter is not applied: new text of any length
/// is hashed (a text with no vocabulary word gives an all-zero row).
/// </summary>
public sealed class TextModel
{
    public TextModel(Vocabulary vocabulary, TfidfTransformer tfidf)
    {
        if (tfidf.InverseDocumentFrequencies.Count != vocabulary.Count)
            throw new ArgumentException($"The TF-IDF weights cover {tfidf.InverseDocumentFrequencies.Count} terms but the vocabulary has {vocabulary.Count}; both must come from the same dataset.", nameof(tfidf));
        Vocabulary = vocabulary;
        Tfidf = tfidf;
    }

    public Vocabulary Vocabulary { get; }
    public TfidfTransformer Tfidf { get; }

    /// <summary>One TF-IDF row per text, over the vocabulary's columns.</summary>
    public SparseMatrix Transform(IReadOnlyList<string> texts) => Tfidf.Transform(TermCounter.Count(texts, Vocabulary));
}
