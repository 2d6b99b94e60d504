using System.Text.Json;
using Doc2Hash.Text;

namespace Doc2Hash.Tests.Text;

/// <summary>
/// Cross-checks against values scikit-learn 1.2.1 / numpy 1.24.2 computed once on seeded inputs
/// (Fixtures/ScikitLearn/make_reference.py wrote Fixtures/ScikitLearn/reference.json; CI reads the committed file).
/// </summary>
public class ScikitLearnReferenceTests
{
    private static readonly JsonElement Reference = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ScikitLearn", "reference.json"))).RootElement;

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public void Stop_words_equal_scikit_learns_set()
    {
        var expected = Strings(Reference.GetProperty("english_stop_words"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), StopWords.English.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Tokens_equal_scikit_learns_analyzer_on_random_unicode_text()
    {
        foreach (var item in Reference.GetProperty("tokenization").EnumerateArray())
        {
            string text = item.GetProperty("text").GetString()!;
            Assert.Equal(Strings(item.GetProperty("tokens")), Tokenizer.Tokenize(text));
        }
    }

    [Fact]
    public void Argsort_orders_ties_exactly_as_numpy()
    {
        foreach (var item in Reference.GetProperty("argsort").EnumerateArray())
        {
            var values = item.GetProperty("values").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            var expected = item.GetProperty("order").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Assert.Equal(expected, NumpyArgsort.Argsort(values));
        }
    }

    [Fact]
    public void Vocabulary_idf_and_tfidf_equal_scikit_learns_on_a_corpus_with_ties_at_the_cut()
    {
        var corpus = Reference.GetProperty("corpus");
        var train = Strings(corpus.GetProperty("train"));
        var test = Strings(corpus.GetProperty("test"));
        var options = new VocabularyOptions(DocumentFrequencyBound.Count(2), DocumentFrequencyBound.Proportion(0.8), 40,
            StopWords.English, MaxFeaturesTieBreak.ScikitLearn);

        var vocabulary = VocabularyBuilder.Fit(train, options);
        Assert.Equal(Strings(corpus.GetProperty("vocabulary")), vocabulary);
        // The fixture has 13 terms tied at the cut, so the simple rule keeps a different set: the tie-break matters.
        Assert.NotEqual(vocabulary, VocabularyBuilder.Fit(train, options with { TieBreak = MaxFeaturesTieBreak.AscendingTerm }));

        var tfidf = TfidfTransformer.Fit(TermCounter.Count(train, vocabulary), TfidfOptions.Authors);
        var idf = corpus.GetProperty("idf").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int c = 0; c < idf.Length; c++) Assert.Equal(idf[c], tfidf.InverseDocumentFrequencies[c], 12);
        AssertSameEntries(corpus.GetProperty("train_tfidf"), tfidf.Transform(TermCounter.Count(train, vocabulary)));
        AssertSameEntries(corpus.GetProperty("test_tfidf"), tfidf.Transform(TermCounter.Count(test, vocabulary)));
    }

    /// <summary>Every stored entry equals scikit-learn's float64 value rounded to float, and nothing else is stored.</summary>
    private static void AssertSameEntries(JsonElement triplets, SparseMatrix actual)
    {
        var expected = triplets.EnumerateArray()
            .Select(t => (Row: t[0].GetInt32(), Column: t[1].GetInt32(), Value: (float)t[2].GetDouble())).ToList();
        var stored = new List<(int Row, int Column, float Value)>();
        for (int r = 0; r < actual.Rows; r++)
            for (int k = actual.RowPointers[r]; k < actual.RowPointers[r + 1]; k++)
                stored.Add((r, actual.ColumnIndices[k], actual.Values[k]));
        Assert.Equal(expected, stored);
    }
}
