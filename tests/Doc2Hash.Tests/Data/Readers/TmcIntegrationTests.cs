using Doc2Hash.Data;
using Doc2Hash.Data.Acquisition;
using Doc2Hash.Data.Readers;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data.Readers;

public class TmcIntegrationTests
{
    static string Resolve(TempFolder cache, string relativePath) =>
        CorpusLoader.ResolveFile("tmc", relativePath, MirrorFolder.Options(cache));

    [Fact]
    public void The_test_split_has_7077_documents_with_22_labels_each_row()
    {
        using var cache = new TempFolder();
        var documents = TmcReader.ReadDocuments(Resolve(cache, DatasetRegistry.TmcTestText));
        var labels = TmcReader.ReadLabelMatrix(Resolve(cache, DatasetRegistry.TmcTestLabels));

        Assert.Equal(7_077, documents.Count);
        Assert.Equal((7_077, 22), (labels.Rows, labels.Columns));
        Assert.Equal(("1", "7077"), (documents[0].Id, documents[^1].Id));
        // Positives of the first three labels, from the mirror README: 435, 3297, 222.
        Assert.Equal([435, 3297, 222], Enumerable.Range(0, 3).Select(c => labels.PositiveColumns.Count(row => row.Contains(c))));
    }

    [Fact]
    public void The_train_label_matrix_has_21519_rows_of_22_labels()
    {
        using var cache = new TempFolder();
        var labels = TmcReader.ReadLabelMatrix(Resolve(cache, DatasetRegistry.TmcTrainLabels));

        Assert.Equal((21_519, 22), (labels.Rows, labels.Columns));
        Assert.Equal([1441, 12876, 393], Enumerable.Range(0, 3).Select(c => labels.PositiveColumns.Count(row => row.Contains(c))));
    }

    [Fact]
    [BadInput("sources", "TMC without TrainingData.txt.gz (absent from the mirror)", "DataSourceException: needs the file 'tmc/TrainingData.txt.gz' ... where to put it ... its URL")]
    public void Loading_tmc_without_the_training_text_says_which_file_is_missing_where_to_put_it_and_its_url()
    {
        using var cache = new TempFolder();

        var error = Assert.Throws<DataSourceException>(() => CorpusLoader.LoadRaw("tmc", MirrorFolder.Options(cache)));

        Assert.Contains("needs the file 'tmc/TrainingData.txt.gz', which is missing", error.Message);
        Assert.Contains(Path.Combine(cache.Path, "raw", "tmc", "TrainingData.txt.gz"), error.Message);
        Assert.Contains("https://c3.nasa.gov/dashlink/static/media/dataset/TrainingData.txt.gz", error.Message);
    }
}
