using Doc2Hash.Data;
using Doc2Hash.Experiments;
using Doc2Hash.Text;

namespace Doc2Hash.Tests.Experiments;

public class SplitDocumentsTests
{
    // Vocabulary apple, banana; idf 1 for both, raw counts, no normalisation: a row is the word counts.
    private static readonly TextModel Counts = new(new Vocabulary(["apple", "banana"]), TfidfTransformer.FromIdf([1.0, 1.0], new TfidfOptions(false, false, false)));

    private static readonly RawDocument[] Raw =
    [
        new("d0", "cherry only", ["fruit"]),
        new("d1", "apple", ["a"]),
        new("d2", "banana Banana", ["b"]),
        new("d3", "apple", ["duplicate of d1"]),
    ];

    [Fact]
    public void A_row_is_traced_to_the_first_raw_document_that_reproduces_it_whatever_the_order()
    {
        // Rows in another order than the raw documents (as after the test split's shuffle): {banana: 2}, {apple: 1}.
        var rows = Counts.Transform(["banana banana", "apple"]);

        Assert.Equal("d2", SplitDocuments.FindRaw(Raw, rows, 0, Counts)!.Id);
        Assert.Equal("d1", SplitDocuments.FindRaw(Raw, rows, 1, Counts)!.Id);   // d3 has the same text: the first wins
    }

    [Fact]
    public void A_row_no_raw_document_reproduces_gives_null()
    {
        var rows = Counts.Transform(["apple banana"]);
        Assert.Null(SplitDocuments.FindRaw(Raw, rows, 0, Counts));
    }

    [Fact]
    public void A_row_outside_the_matrix_is_refused()
    {
        var rows = Counts.Transform(["apple"]);
        Assert.Throws<ArgumentOutOfRangeException>(() => SplitDocuments.FindRaw(Raw, rows, 1, Counts));
    }

    [Fact]
    public void Every_test_row_of_a_prepared_corpus_is_traced_to_a_raw_test_document_with_its_labels()
    {
        var corpus = TextSearchTests.TextCorpus();
        var prepared = TextSearchTests.PrepareTiny(corpus);
        var data = prepared.Dataset;
        var text = RunTextModel.Create(prepared, TextSearchTests.TinyConfig).Model;
        for (int row = 0; row < data.Test.Count; row++)
        {
            var raw = SplitDocuments.FindRaw(corpus.Test, data.Test.Features, row, text);
            Assert.NotNull(raw);
            Assert.Equal(raw.Labels, SplitDocuments.LabelNames(data, data.Test.Labels, row));
        }
    }
}
