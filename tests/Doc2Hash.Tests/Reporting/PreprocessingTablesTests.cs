using Doc2Hash.Data.Preprocessing;
using Doc2Hash.Reporting;
using Doc2Hash.Tests.Data.Preprocessing;
using Microsoft.Data.Analysis;

namespace Doc2Hash.Tests.Reporting;

/// <summary>The tables of the hand-counted corpus of <see cref="PreprocessingReportTests"/>.</summary>
public class PreprocessingTablesTests
{
    private static readonly (Doc2Hash.Data.HashingDataset Dataset, PreprocessingReport Report) Prepared =
        Preprocessor.PrepareWithReport(PreprocessingReportTests.Corpus(), PreprocessingReportTests.Config);

    private static object?[] Column(DataFrame frame, string name) => frame.Columns[name].Cast<object?>().ToArray();

    [Fact]
    public void Vocabulary_cuts_list_each_limit_with_terms_removed_and_left()
    {
        var frame = PreprocessingTables.VocabularyCuts(Prepared.Report);
        Assert.Equal(new object?[] { 0, 2, 1, 1 }, Column(frame, "terms removed"));
        Assert.Equal(new object?[] { 6, 4, 3, 2 }, Column(frame, "terms left"));
        Assert.Equal("min_df 2 documents", frame.Columns["step"][1]);
        Assert.Equal("max_df 0.75 of the documents", frame.Columns["step"][2]);
    }

    [Fact]
    public void Document_filters_show_every_drop_per_raw_split()
    {
        var frame = PreprocessingTables.DocumentFilters(Prepared.Report);
        Assert.Equal(new object?[] { "train", "test" }, Column(frame, "split"));
        Assert.Equal(new object?[] { 4, 5 }, Column(frame, "raw"));
        Assert.Equal(new object?[] { 0, 1 }, Column(frame, "label not kept"));
        Assert.Equal(new object?[] { 1, 1 }, Column(frame, "too short (<= 1)"));
        Assert.Equal(new object?[] { 0, 1 }, Column(frame, "too long (> 4)"));
        Assert.Equal(new object?[] { 3, 2 }, Column(frame, "kept"));
    }

    [Fact]
    public void Lengths_summarise_each_split_before_and_after_the_filter()
    {
        var frame = PreprocessingTables.Lengths(Prepared.Report);
        // train before [2, 2, 1, 2]: mean 1.75 -> 1.8 (one decimal), median 2; test before [3, 5, 0, 2]: median 2.5.
        Assert.Equal(new object?[] { 4, 3, 4, 2 }, Column(frame, "documents"));
        Assert.Equal(new object?[] { 1.8, 2.0, 2.5, 2.5 }, Column(frame, "mean"));
        Assert.Equal(new object?[] { 2.0, 2.0, 2.5, 2.5 }, Column(frame, "median"));
        Assert.Equal(new object?[] { 1, 2, 0, 2 }, Column(frame, "min"));
        Assert.Equal(new object?[] { 2, 2, 5, 3 }, Column(frame, "max"));
    }

    [Fact]
    public void Idf_and_stop_word_tables_hold_the_extremes()
    {
        var highest = PreprocessingTables.Idf(Prepared.Report, 1, highest: true);
        Assert.Equal("cherry", highest.Columns["term"][0]);
        Assert.Equal(1.2877, highest.Columns["idf"][0]);
        Assert.Equal(2, highest.Columns["training documents"][0]);
        var stop = PreprocessingTables.StopWords(Prepared.Report, 1);
        Assert.Equal("the", stop.Columns["stop word"][0]);
        Assert.Equal(10.0, stop.Columns["% of tokens"][0]); // 2 of 20 tokens
    }

    [Fact]
    public void Overview_and_label_counts_give_the_final_split_sizes()
    {
        var overview = PreprocessingTables.Overview([(Prepared.Report, Prepared.Dataset)]);
        Assert.Equal(new object?[] { "fruit", 4, 5, 1, false, 2, 3, 1, 1 }, overview.Rows[0].ToArray());
        var labels = DatasetSummary.LabelCounts(Prepared.Dataset);
        Assert.Equal(new object?[] { "x", 3, 1, 1 }, labels.Rows[0].ToArray());
    }
}

public class PreprocessingFiguresTests
{
    [Fact]
    public void Length_histogram_leaves_out_documents_beyond_the_shown_range_and_says_how_many()
    {
        var (_, report) = Doc2Hash.Data.Preprocessing.Preprocessor.PrepareWithReport(PreprocessingReportTests.Corpus(), PreprocessingReportTests.Config);
        // test lengths before the filter: [3, 5, 0, 2]; with 4 tokens shown, the document of 5 is left out.
        var figure = PreprocessingFigures.Lengths(report, "test", maxShown: 4, bins: 4, renderer: Doc2Hash.Reporting.Figures.FigureRenderer.PngOnly);
        Assert.Equal("fruit-test-lengths", figure.Name);
        Assert.Equal("fruit test: document lengths (1 longer than 4 not shown)", figure.Title);
        Assert.True(figure.Png.Length > 1000);
        Assert.Throws<ArgumentException>(() => PreprocessingFigures.Lengths(report, "validation"));
    }
}
