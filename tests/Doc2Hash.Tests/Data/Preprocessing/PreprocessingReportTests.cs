using Doc2Hash.Data;
using Doc2Hash.Data.Preprocessing;
using Doc2Hash.Text;

namespace Doc2Hash.Tests.Data.Preprocessing;

/// <summary>
/// A hand-counted corpus. Training documents (label x), stop words "the" and "and" removed:
/// d0 "apple apple banana the fig", d1 "apple cherry the and fig", d2 "cherry date fig",
/// d3 "apple banana cherry elder elder elder fig".
/// Terms (df / total): apple 3/4, banana 2/2, cherry 3/3, date 1/1, elder 1/3, fig 4/4.
/// min_df 2 removes date, elder; max_df 0.75 (= 3.0 of 4 documents) removes fig; max_features 2 keeps apple (4)
/// and cherry (3) and cuts banana (2). Lengths over {apple, cherry}: d0 2, d1 2, d2 1, d3 2; the range (1, 4]
/// drops d2. idf on the 3 kept rows: apple df 3 -> ln(4/4) + 1 = 1; cherry df 2 -> ln(4/3) + 1 = 1.2876820724517808.
/// Test: t0 "apple cherry cherry" (3), t1 "apple x5" (5, too long), t2 "banana" (0, too short), t3 "cherry apple" (2),
/// t4 with label w (not a training label: dropped by label selection).
/// </summary>
public class PreprocessingReportTests
{
    internal static readonly PreprocessingConfig Config = PreprocessingConfig.Default with
    {
        MinDocumentFrequency = DocumentFrequencyBound.Count(2),
        MaxDocumentFrequency = DocumentFrequencyBound.Proportion(0.75),
        MaxFeatures = 2,
        Length = new DocumentLengthRange(1, 4),
    };

    private static RawDocument Doc(string id, string text, string label = "x") => new(id, text, [label]);

    internal static RawCorpus Corpus() => new("fruit",
        [
            Doc("d0", "apple apple banana the fig"), Doc("d1", "apple cherry the and fig"),
            Doc("d2", "cherry date fig"), Doc("d3", "apple banana cherry elder elder elder fig"),
        ],
        [
            Doc("t0", "apple cherry cherry"), Doc("t1", "apple apple apple apple apple"), Doc("t2", "banana"),
            Doc("t3", "cherry apple"), Doc("t4", "apple cherry", "w"),
        ],
        IsMultiLabel: false);

    [Fact]
    public void The_dataset_is_the_one_Prepare_makes()
    {
        var (dataset, _) = Preprocessor.PrepareWithReport(Corpus(), Config);
        var plain = Preprocessor.Prepare(Corpus(), Config);
        Assert.Equal(new[] { "apple", "cherry" }, dataset.Vocabulary);
        Assert.Equal(plain.Vocabulary, dataset.Vocabulary);
        Assert.Equal(plain.Train.Features.Values, dataset.Train.Features.Values);
        Assert.Equal(plain.Test.Features.Values, dataset.Test.Features.Values);
    }

    [Fact]
    public void Counts_the_documents_each_filter_dropped_and_their_lengths()
    {
        var (_, report) = Preprocessor.PrepareWithReport(Corpus(), Config);

        var train = report.Split("train");
        Assert.Equal((4, 4, 3, 3), (train.RawDocuments, train.AfterLabelSelection, train.WithinLength, train.Kept));
        Assert.Equal((0, 1, 0, 0), (train.DroppedByLabelSelection, train.DroppedTooShort, train.DroppedTooLong, train.DroppedWithoutKeptLabel));
        Assert.Equal(new[] { 2, 2, 1, 2 }, train.LengthsBeforeFilter);
        Assert.Equal(new[] { 2, 2, 2 }, train.LengthsAfterFilter);

        var test = report.Split("test");
        Assert.Equal((5, 4, 2, 2), (test.RawDocuments, test.AfterLabelSelection, test.WithinLength, test.Kept));
        Assert.Equal((1, 1, 1), (test.DroppedByLabelSelection, test.DroppedTooShort, test.DroppedTooLong));
        Assert.Equal(new[] { 3, 5, 0, 2 }, test.LengthsBeforeFilter);
        Assert.Equal(new[] { 3, 2 }, test.LengthsAfterFilter);
    }

    [Fact]
    public void Counts_the_terms_each_vocabulary_limit_removed()
    {
        var (_, report) = Preprocessor.PrepareWithReport(Corpus(), Config);
        Assert.Equal(new VocabularyCut(DistinctTerms: 6, BelowMinDocumentFrequency: 2, AboveMaxDocumentFrequency: 1, CutByMaxFeatures: 1, Kept: 2), report.Vocabulary);
    }

    [Fact]
    public void Counts_the_stop_words_removed_from_the_training_texts()
    {
        var (_, report) = Preprocessor.PrepareWithReport(Corpus(), Config);
        Assert.Equal(20, report.StopWords.TotalTokens); // 5 + 5 + 3 + 7 tokens
        Assert.Equal(3, report.StopWords.StopWordTokens);
        Assert.Equal(new[] { ("the", 2L), ("and", 1L) }, report.StopWords.MostFrequent(5));
        Assert.Equal(0.15, report.StopWords.StopWordShare, 12);
    }

    [Fact]
    public void Gives_the_idf_of_every_kept_term_fitted_on_the_filtered_training_rows()
    {
        var (_, report) = Preprocessor.PrepareWithReport(Corpus(), Config);
        Assert.Equal(new[] { "apple", "cherry" }, report.Terms.Terms);
        Assert.Equal(1.0, report.Terms.InverseDocumentFrequencies[0], 12);
        Assert.Equal(1.2876820724517808, report.Terms.InverseDocumentFrequencies[1], 12);
        Assert.Equal(new[] { 3, 2 }, report.Terms.DocumentFrequencies);
        Assert.Equal(0, report.Terms.TermsInNoDocument);
        Assert.Equal(new[] { 1 }, report.Terms.Highest(1));
        Assert.Equal(new[] { 0, 1 }, report.Terms.Lowest(5)); // asking for more than exist gives all, in order
    }

    [Fact]
    public void Idf_ties_are_ordered_by_term()
    {
        var weights = new TermWeights(["b", "a", "c"], [2.0, 2.0, 1.0], [0, 0, 2]);
        Assert.Equal(2, weights.TermsInNoDocument);
        Assert.Equal(new[] { 1, 0, 2 }, weights.Highest(3));
        Assert.Equal(new[] { 2, 1, 0 }, weights.Lowest(3));
    }
}
