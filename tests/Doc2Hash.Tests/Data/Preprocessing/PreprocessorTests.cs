using Doc2Hash.Data;
using Doc2Hash.Data.Preprocessing;
using Doc2Hash.Text;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data.Preprocessing;

public class PreprocessorTests
{
    // Every term counts: no df limits, no stop words, no vocabulary cap, so document lengths are easy to control.
    private static readonly PreprocessingConfig Open = PreprocessingConfig.Default with
    {
        MinDocumentFrequency = DocumentFrequencyBound.Count(1),
        MaxDocumentFrequency = DocumentFrequencyBound.Proportion(1.0),
        MaxFeatures = null,
        RemoveStopWords = false,
    };

    private static RawDocument Doc(string id, string text, params string[] labels) => new(id, text, labels);

    private static string Repeat(string word, int times) => string.Join(' ', Enumerable.Repeat(word, times));

    [Fact]
    public void Length_filter_keeps_six_and_five_hundred_and_drops_five_and_five_hundred_one_in_every_split()
    {
        // The authors keep 5 < length <= 500. Each document repeats its own word, so its columns name it.
        RawDocument[] split(string prefix) =>
        [
            Doc(prefix + "5", Repeat("five", 5), "x"), Doc(prefix + "6", Repeat("six", 6), "x"),
            Doc(prefix + "500", Repeat("fivehundred", 500), "x"), Doc(prefix + "501", Repeat("fivehundredone", 501), "x"),
        ];
        var dataset = Preprocessor.Prepare(new RawCorpus("lengths", split("train"), split("test"), false), Open);

        Assert.Equal(new[] { "five", "fivehundred", "fivehundredone", "six" }, dataset.Vocabulary);
        Assert.Equal(2, dataset.Train.Count);
        Assert.Equal(new[] { 3 }, dataset.Train.Features.RowIndices(0).ToArray());   // "six"
        Assert.Equal(new[] { 1 }, dataset.Train.Features.RowIndices(1).ToArray());   // "fivehundred"
        Assert.Equal(1, dataset.Validation.Count);
        Assert.Equal(1, dataset.Test.Count);
        var kept = new[] { dataset.Validation.Features.RowIndices(0)[0], dataset.Test.Features.RowIndices(0)[0] };
        Assert.Equal(new[] { 1, 3 }, kept.Order());
    }

    [Fact]
    public void Tfidf_is_fitted_on_the_filtered_training_documents_only()
    {
        // Length range (1, 3]: train "aa bb" and "aa cc" stay, "aa aa aa aa bb" (length 5) goes after fitting the vocabulary.
        // Fitted on the 2 kept rows: n = 2, df(aa) = 2 -> idf 1; df(bb) = 1 -> idf ln(3/2) + 1 = 1.4054651081081644.
        // Row "aa bb": [1, 1.4054651081081644] / sqrt(1 + 1.4054651081081644^2) = [0.5797386715376657, 0.8148024746671689].
        // (Fitted on all 3 rows instead, idf(bb) would be ln(4/3) + 1 and the row [0.6133555370249717, 0.7898069290660905].)
        RawDocument[] train = [Doc("0", "aa bb", "x"), Doc("1", "aa cc", "x"), Doc("2", "aa aa aa aa bb", "x")];
        RawDocument[] test = [Doc("t0", "aa bb", "x"), Doc("t1", "bb cc", "x")];
        var config = Open with { Length = new DocumentLengthRange(1, 3) };
        var dataset = Preprocessor.Prepare(new RawCorpus("fit-on-kept", train, test, false), config);

        Assert.Equal(2, dataset.Train.Count);
        Assert.Equal(new[] { 0.5797386715376657f, 0.8148024746671689f }, dataset.Train.Features.RowValues(0).ToArray());
    }

    [Fact]
    public void Vocabulary_is_learned_from_train_only()
    {
        RawDocument[] train = [Doc("0", "alpha beta gamma delta", "x")];
        RawDocument[] test = [Doc("t0", "alpha beta gamma delta unseen", "x"), Doc("t1", "alpha beta gamma delta", "x")];
        var dataset = Preprocessor.Prepare(new RawCorpus("train-only", train, test, false), Open with { Length = new DocumentLengthRange(3, 500) });
        Assert.DoesNotContain("unseen", dataset.Vocabulary);
    }

    [Fact]
    public void Halving_gives_validation_the_larger_half_and_depends_only_on_the_seed()
    {
        // 21 filtered test documents, each with its own word, so every row can be traced back.
        var train = Enumerable.Range(0, 21).Select(i => Doc($"r{i}", $"common w{i:D2} w{i:D2}", "x")).ToArray();
        var test = Enumerable.Range(0, 21).Select(i => Doc($"t{i}", $"common w{i:D2} w{i:D2}", "x")).ToArray();
        var corpus = new RawCorpus("halves", train, test, false);
        var config = Open with { Length = new DocumentLengthRange(2, 500) };

        var first = Preprocessor.Prepare(corpus, config with { Seed = 7 });
        var again = Preprocessor.Prepare(corpus, config with { Seed = 7 });
        var other = Preprocessor.Prepare(corpus, config with { Seed = 8 });

        Assert.Equal(11, first.Validation.Count);
        Assert.Equal(10, first.Test.Count);
        Assert.Equal(Words(first.Validation), Words(again.Validation));
        Assert.Equal(Words(first.Test), Words(again.Test));
        Assert.NotEqual(Words(first.Validation), Words(other.Validation));
        Assert.Equal(Enumerable.Range(0, 21), Words(first.Validation).Concat(Words(first.Test)).Order());
    }

    /// <summary>The number of each row's own word w00..w20 (column 0 is "common", then w00.. in order).</summary>
    private static int[] Words(DatasetSplit split) =>
        Enumerable.Range(0, split.Count).Select(r => split.Features.RowIndices(r)[1] - 1).ToArray();

    [Fact]
    public void Single_label_top_n_keeps_the_most_frequent_classes_and_drops_the_other_documents()
    {
        // Train label counts: sport 3, news 2, arts 2, misc 1. Top 2: sport, then the tie news/arts goes to "arts".
        RawDocument[] train =
        [
            Doc("0", "ball game team", "sport"), Doc("1", "ball game goal", "sport"), Doc("2", "ball team goal", "sport"),
            Doc("3", "paper story press", "news"), Doc("4", "paper press story", "news"),
            Doc("5", "paint story art", "arts"), Doc("6", "paint art museum", "arts"), Doc("7", "misc stuff here", "misc"),
        ];
        RawDocument[] test = [Doc("t0", "ball game team", "sport"), Doc("t1", "paint art museum", "arts"), Doc("t2", "paper press story", "news")];
        var config = Open with { Length = new DocumentLengthRange(2, 500), Labels = LabelSelection.TopNames(2) };
        var dataset = Preprocessor.Prepare(new RawCorpus("top2", train, test, false), config);

        Assert.Equal(new[] { "arts", "sport" }, dataset.LabelNames);
        Assert.Equal(5, dataset.Train.Count);
        Assert.Equal(2, dataset.Validation.Count + dataset.Test.Count);
        Assert.DoesNotContain("misc", dataset.Vocabulary);    // dropped documents do not shape the vocabulary
        Assert.False(dataset.IsMultiLabel);
    }

    [Fact]
    public void Multi_label_keeps_unlabelled_training_documents_and_drops_unlabelled_test_documents_by_default()
    {
        RawDocument[] train =
        [
            Doc("0", "oil price barrel", "crude"), Doc("1", "wheat grain harvest", "grain", "wheat"),
            Doc("2", "company profit share"), Doc("3", "crude oil grain", "crude", "grain"),
        ];
        RawDocument[] test =
        [
            Doc("t0", "oil barrel price", "crude"), Doc("t1", "profit share company"), Doc("t2", "grain wheat harvest", "wheat"),
        ];
        var config = Open with { Length = new DocumentLengthRange(2, 500) };
        var dataset = Preprocessor.Prepare(new RawCorpus("multi", train, test, true), config);

        Assert.True(dataset.IsMultiLabel);
        Assert.Equal(new[] { "crude", "grain", "wheat" }, dataset.LabelNames);
        Assert.Equal(4, dataset.Train.Count);
        Assert.Equal(0, dataset.Train.Labels.Of(2).Length);
        Assert.Equal(new[] { 1, 2 }, dataset.Train.Labels.Of(1).ToArray());
        Assert.Equal(2, dataset.Validation.Count + dataset.Test.Count);
    }

    [Fact]
    [BadInput("preprocessing", "every training document shorter than the length filter", "EmptySplitException: the train split ... is empty ... Length (now (5,500]) ... MaxFeatures")]
    public void Training_documents_that_are_all_too_short_raise_an_error_naming_the_split_and_the_knobs()
    {
        RawDocument[] train = [Doc("0", "aa bb", "x"), Doc("1", "aa cc", "x")];
        RawDocument[] test = [Doc("t0", "aa bb cc aa bb cc", "x"), Doc("t1", "aa bb cc aa bb cc", "x")];
        var error = Assert.Throws<EmptySplitException>(() =>
            Preprocessor.Prepare(new RawCorpus("tiny", train, test, false), Open));
        Assert.Equal("train", error.Split);
        Assert.Contains("train split of corpus 'tiny' is empty", error.Message);
        Assert.Contains("Length (now (5,500])", error.Message);
        Assert.Contains("MaxFeatures", error.Message);
    }

    [Fact]
    [BadInput("preprocessing", "a test split filtered to nothing", "EmptySplitException naming the test split and each filter's count")]
    public void A_test_split_filtered_to_nothing_names_the_test_split()
    {
        RawDocument[] train = [Doc("0", "aa bb cc", "x"), Doc("1", "aa bb cc", "x")];
        RawDocument[] test = [Doc("t0", "aa", "x"), Doc("t1", "zz yy", "x")];
        var error = Assert.Throws<EmptySplitException>(() =>
            Preprocessor.Prepare(new RawCorpus("short-test", train, test, false), Open with { Length = new DocumentLengthRange(2, 500) }));
        Assert.Equal("test", error.Split);
        Assert.Contains("2 raw documents -> 2 after label selection (name:all) -> 0 with a length in (2,500]", error.Message);
        Assert.DoesNotContain("Halving", error.Message);
    }

    [Fact]
    [BadInput("preprocessing", "one test document left to halve into validation and test", "EmptySplitException: Halving the 1 filtered test document(s) ...")]
    public void One_surviving_test_document_leaves_the_test_half_empty_and_says_so()
    {
        RawDocument[] train = [Doc("0", "aa bb cc", "x"), Doc("1", "aa bb cc", "x")];
        RawDocument[] test = [Doc("t0", "aa bb cc", "x"), Doc("t1", "aa", "x")];
        var error = Assert.Throws<EmptySplitException>(() =>
            Preprocessor.Prepare(new RawCorpus("odd", train, test, false), Open with { Length = new DocumentLengthRange(2, 500) }));
        Assert.Equal("test", error.Split);
        Assert.Contains("Halving the 1 filtered test document(s)", error.Message);
    }

    [Fact]
    [BadInput("preprocessing", "a document with two labels in a single-label corpus", "ArgumentException naming the document id")]
    public void A_single_label_document_with_two_labels_is_rejected_with_its_id()
    {
        RawDocument[] train = [Doc("a", "aa bb cc", "x"), Doc("b", "aa bb cc", "x", "y")];
        var error = Assert.Throws<ArgumentException>(() =>
            Preprocessor.Prepare(new RawCorpus("bad", train, train, false), Open));
        Assert.Contains("id \"b\"", error.Message);
    }
}
