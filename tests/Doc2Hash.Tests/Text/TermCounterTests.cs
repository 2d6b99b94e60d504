using Doc2Hash.Text;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Text;

public class TermCounterTests
{
    [Fact]
    public void Counts_each_vocabulary_term_and_ignores_other_tokens()
    {
        var vocabulary = new Vocabulary(["apple", "banana", "cherry"]);
        string[] documents = ["Banana apple APPLE the kiwi", "", "cherry cherry cherry x"];
        var counts = TermCounter.Count(documents, vocabulary).ToDense();
        Assert.Equal(new float[,] { { 2, 1, 0 }, { 0, 0, 0 }, { 0, 0, 3 } }, counts);
    }

    [Fact]
    public void Rows_have_increasing_columns_whatever_the_token_order()
    {
        var vocabulary = new Vocabulary(["aa", "bb", "cc", "dd"]);
        var counts = TermCounter.Count(["dd cc bb aa dd"], vocabulary);
        Assert.Equal(new[] { 0, 1, 2, 3 }, counts.RowIndices(0).ToArray());
        Assert.Equal(new float[] { 1, 1, 1, 2 }, counts.RowValues(0).ToArray());
    }

    [Fact]
    public void Training_counts_from_the_statistics_equal_a_second_counting_pass()
    {
        // fit_transform (count once, keep the vocabulary's columns) must equal fit then transform.
        var documents = Enumerable.Range(0, 500).Select(i => $"w{i % 13} w{i % 7} the w{i % 13} x{i}").ToArray();
        var statistics = TermStatistics.Collect(documents, StopWords.English);
        var vocabulary = new Vocabulary(["w1", "w12", "w3", "x499", "absent"]);
        var once = statistics.CountMatrix(vocabulary);
        var twice = TermCounter.Count(documents, vocabulary);
        Assert.Equal(twice.RowPointers, once.RowPointers);
        Assert.Equal(twice.ColumnIndices, once.ColumnIndices);
        Assert.Equal(twice.Values, once.Values);
        Assert.Equal(new float[] { 0, 0, 0, 1, 0 }, Enumerable.Range(0, 5).Select(c => once.ToDense()[499, c]));
    }

    [Fact]
    [BadInput("text", "a vocabulary with a duplicate term", "ArgumentException naming \"aa\"")]
    public void Vocabulary_rejects_duplicate_terms()
    {
        var error = Assert.Throws<ArgumentException>(() => new Vocabulary(["aa", "bb", "aa"]));
        Assert.Contains("\"aa\"", error.Message);
    }
}
