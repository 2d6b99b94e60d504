using Doc2Hash.Text;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Text;

public class VocabularyBuilderTests
{
    private static VocabularyOptions Options(
        DocumentFrequencyBound? min = null, DocumentFrequencyBound? max = null, int? maxFeatures = null, bool stopWords = false,
        MaxFeaturesTieBreak tieBreak = MaxFeaturesTieBreak.ScikitLearn) =>
        new(min ?? DocumentFrequencyBound.Count(1), max ?? DocumentFrequencyBound.Proportion(1.0), maxFeatures,
            stopWords ? StopWords.English : StopWords.None, tieBreak);

    [Fact]
    public void Max_df_as_a_proportion_cuts_terms_in_more_than_that_share_of_documents()
    {
        // 5 documents, max_df = 0.8 -> at most 0.8 * 5 = 4.0 documents: "every" (df 5) goes, "most" (df 4) stays.
        string[] documents = ["every most", "every most", "every most", "every most", "every rare"];
        var vocabulary = VocabularyBuilder.Fit(documents, Options(max: DocumentFrequencyBound.Proportion(0.8)));
        Assert.Equal(new[] { "most", "rare" }, vocabulary);
    }

    [Fact]
    public void Min_df_as_a_count_drops_terms_in_fewer_documents()
    {
        // min_df = 3: "three" is in 3 documents and stays; "two" is twice in one document plus once (df 2) and goes.
        string[] documents = ["three two two", "three two", "three", "other"];
        var vocabulary = VocabularyBuilder.Fit(documents, Options(min: DocumentFrequencyBound.Count(3)));
        Assert.Equal(new[] { "three" }, vocabulary);
    }

    [Fact]
    public void Max_features_keeps_the_largest_total_counts_and_breaks_ties_by_ascending_term()
    {
        // Total counts: aa 5, dd 3, cc 3, bb 3, ee 1. max_features = 3 keeps aa, then two of the three tied at 3:
        // bb and cc, the smallest terms (scikit-learn 1.2.1 gives ['aa', 'bb', 'cc'] on this input).
        string[] documents = ["aa aa aa dd cc", "aa aa dd dd bb bb", "cc cc bb ee"];
        var vocabulary = VocabularyBuilder.Fit(documents, Options(maxFeatures: 3));
        Assert.Equal(new[] { "aa", "bb", "cc" }, vocabulary);
    }

    [Fact]
    public void Ascending_term_tie_break_keeps_the_smallest_tied_terms_however_many_tie()
    {
        // 40 terms t00..t39, all with total count 1, plus "top" twice; keep 6: "top" and t00..t04.
        var documents = new[] { "top top" }.Concat(Enumerable.Range(0, 40).Select(i => $"t{i:D2}")).ToArray();
        var vocabulary = VocabularyBuilder.Fit(documents, Options(maxFeatures: 6, tieBreak: MaxFeaturesTieBreak.AscendingTerm));
        Assert.Equal(new[] { "t00", "t01", "t02", "t03", "t04", "top" }, vocabulary);
    }

    [Fact]
    public void Max_features_counts_occurrences_not_documents()
    {
        // "many" occurs 4 times in one document; "spread" once in each of 3 documents. With one slot, "many" wins.
        string[] documents = ["many many many many spread", "spread", "spread"];
        Assert.Equal(new[] { "many" }, VocabularyBuilder.Fit(documents, Options(maxFeatures: 1)));
    }

    [Fact]
    public void Vocabulary_is_in_code_point_order_and_drops_stop_words()
    {
        // Python sorts str by code point: 'zebra' < 'éclair' (U+00E9 > 'z'), and fullwidth 'ａｂ' (U+FF41) before Deseret
        // '𐐨𐐩' (U+10428), which .NET's ordinal UTF-16 order would put first (its surrogate U+D801 < U+FF41).
        string[] documents = ["zebra the apple éclair mango \U00010428\U00010429 \uFF41\uFF42"];
        var vocabulary = VocabularyBuilder.Fit(documents, Options(stopWords: true));
        Assert.Equal(new[] { "apple", "mango", "zebra", "éclair", "\uFF41\uFF42", "\U00010428\U00010429" }, vocabulary);
    }

    [Fact]
    [BadInput("text", "max_df below min_df", "ArgumentException naming max_df and min_df")]
    public void Max_df_below_min_df_is_rejected_with_both_values()
    {
        string[] documents = ["aa bb", "aa cc"];
        var error = Assert.Throws<ArgumentException>(() => VocabularyBuilder.Fit(documents,
            Options(min: DocumentFrequencyBound.Count(2), max: DocumentFrequencyBound.Proportion(0.5))));
        Assert.Contains("max_df", error.Message);
        Assert.Contains("min_df", error.Message);
    }

    [Fact]
    [BadInput("text", "document-frequency bounds that prune every term", "InvalidOperationException: ... lower min_df or raise max_df")]
    public void Pruning_everything_is_an_error_that_says_what_to_relax()
    {
        string[] documents = ["aa bb", "cc dd"];
        var error = Assert.Throws<InvalidOperationException>(() =>
            VocabularyBuilder.Fit(documents, Options(min: DocumentFrequencyBound.Count(2))));
        Assert.Contains("lower min_df or raise max_df", error.Message);
    }

    [Fact]
    [BadInput("text", "a vocabulary from no documents", "InvalidOperationException: The 0 training documents contain no token")]
    public void No_documents_give_a_clear_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => VocabularyBuilder.Fit(Array.Empty<string>(), Options()));
        Assert.Contains("The 0 training documents contain no token", error.Message);
    }

    [Fact]
    [BadInput("text", "documents of stop words only", "InvalidOperationException naming the stop words")]
    public void Documents_of_only_stop_words_give_a_clear_error()
    {
        string[] documents = ["the and of", "a an"];
        var error = Assert.Throws<InvalidOperationException>(() => VocabularyBuilder.Fit(documents, Options(stopWords: true)));
        Assert.Contains("stop", error.Message);
    }

    [Fact]
    public void Statistics_do_not_depend_on_how_documents_are_partitioned_across_cores()
    {
        // Many small documents force several worker tables that must merge to the same totals.
        var documents = Enumerable.Range(0, 2000).Select(i => $"common w{i % 37} w{i % 11} w{i % 11}").ToArray();
        var statistics = TermStatistics.Collect(documents, StopWords.None);
        int index = statistics.Terms.ToList().IndexOf("w3");
        // w3 comes from i % 11 == 3 (182 documents, twice each) and i % 37 == 3 (54 documents, 5 of them overlap).
        int both = Enumerable.Range(0, 2000).Count(i => i % 11 == 3 && i % 37 == 3);
        int only11 = Enumerable.Range(0, 2000).Count(i => i % 11 == 3);
        int only37 = Enumerable.Range(0, 2000).Count(i => i % 37 == 3);
        Assert.Equal(only11 + only37 - both, statistics.DocumentFrequencies[index]);
        Assert.Equal(2L * only11 + only37, statistics.TotalCounts[index]);
    }
}
