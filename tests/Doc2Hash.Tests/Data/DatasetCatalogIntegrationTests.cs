using Doc2Hash.Data;
using Doc2Hash.Data.Cache;
using Doc2Hash.Data.Formats;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data;

/// <summary>
/// The whole data path on the real corpora (through the mirror): sources -> reader -> authors' preprocessing ->
/// processed cache. Expected counts: the paper notes (../shared/notes/paper.md) report 20NG as 10,257 / 3,405 /
/// 3,405 documents and Reuters (20 label tokens) as 7,747 / 1,365 / 1,365 with 638 unlabelled training documents,
/// both over 10,000 words, from the authors' scikit-learn pipeline.
/// </summary>
public class DatasetCatalogIntegrationTests
{
    [Fact]
    public void Newsgroups_prepare_like_the_authors_pipeline_and_reload_identically_from_the_cache()
    {
        using var cache = new TempFolder();
        var options = MirrorFolder.Options(cache);

        var prepared = DatasetCatalog.Load("ng20", options);

        var data = prepared.Dataset;
        Assert.False(prepared.FromCache);
        Assert.Equal((10_257, 3_405, 3_405), (data.Train.Count, data.Validation.Count, data.Test.Count));
        Assert.Equal(10_000, data.VocabularySize);
        Assert.Equal(20, data.LabelCount);
        Assert.False(data.IsMultiLabel);

        var again = DatasetCatalog.Load("ng20", options);
        Assert.True(again.FromCache);
        Assert.Equal(prepared.Fingerprint, again.Fingerprint);
        Assert.Equal(data.Train.Features.Values, again.Dataset.Train.Features.Values);
        Assert.Equal(data.Test.Labels.LabelIds, again.Dataset.Test.Labels.LabelIds);
        Assert.Equal(data.Vocabulary, again.Dataset.Vocabulary);

        // The raw archive gone (an empty mirror, no download): the complete, verified cache still serves.
        string noMirror = Directory.CreateDirectory(cache.File("no-mirror")).FullName;
        var withoutSource = DatasetCatalog.Load("ng20", options with { MirrorDirectory = noMirror });
        Assert.True(withoutSource.FromCache);
        Assert.Equal(prepared.Fingerprint, withoutSource.Fingerprint);
        Assert.Contains("raw source files are not available locally", withoutSource.CacheNote);
        Assert.Equal(data.Train.Features.Values, withoutSource.Dataset.Train.Features.Values);
    }

    [Fact]
    [BadInput("datasets", "the raw archive gone and the processed cache damaged (empty manifest)", "DataSourceException: Dataset 'ng20' needs the file '20news-bydate.tar.gz' ... The processed cache could not be used instead: corrupt cache: manifest '...' is empty (0 bytes).")]
    public void Without_the_raw_source_a_damaged_cache_is_explained_next_to_the_missing_file()
    {
        using var cache = new TempFolder();
        var options = new DataOptions { DataRoot = cache.Path, MirrorDirectory = Directory.CreateDirectory(cache.File("no-mirror")).FullName, AllowDownload = false };
        string manifest = ProcessedDatasetCache.ManifestPath(DatasetCatalog.ProcessedDirectory(options), "ng20");
        cache.WriteBytes(Path.GetRelativePath(cache.Path, manifest), []);

        var error = Assert.Throws<Doc2Hash.Data.Acquisition.DataSourceException>(() => DatasetCatalog.Load("ng20", options));

        Assert.Contains("needs the file '20news-bydate.tar.gz'", error.Message);
        Assert.Contains($"The processed cache could not be used instead: corrupt cache: manifest '{manifest}' is empty (0 bytes).", error.Message);
    }

    [Fact]
    public void Reuters_keeps_the_20_most_frequent_label_tokens_and_the_unlabelled_training_documents()
    {
        using var cache = new TempFolder();

        var data = DatasetCatalog.Load("reuters", MirrorFolder.Options(cache)).Dataset;

        Assert.Equal((7_747, 1_365, 1_365), (data.Train.Count, data.Validation.Count, data.Test.Count));
        Assert.Equal(10_000, data.VocabularySize);
        Assert.Equal(20, data.LabelCount);
        Assert.True(data.IsMultiLabel);
        int unlabelled = Enumerable.Range(0, data.Train.Count).Count(i => data.Train.Labels.Of(i).IsEmpty);
        Assert.Equal(638, unlabelled);
    }

    [Fact]
    public void A_corrupt_cache_is_detected_and_rebuilt_not_used()
    {
        using var cache = new TempFolder();
        var options = MirrorFolder.Options(cache);
        var first = DatasetCatalog.Load("reuters90", options);
        string dataFile = ProcessedDatasetCache.DataPath(DatasetCatalog.ProcessedDirectory(options), "reuters90");
        var bytes = File.ReadAllBytes(dataFile);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(dataFile, bytes);

        var second = DatasetCatalog.Load("reuters90", options);

        Assert.False(second.FromCache);
        Assert.Contains("corrupt", second.CacheNote, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(first.Dataset.Train.Features.Values, second.Dataset.Train.Features.Values);
        Assert.True(DatasetCatalog.Load("reuters90", options).FromCache);
    }

    [Fact]
    public void Exported_mat_file_reads_back_as_the_same_splits()
    {
        using var cache = new TempFolder();
        var data = DatasetCatalog.Load("reuters", MirrorFolder.Options(cache)).Dataset;
        string path = Path.Combine(cache.Path, "reuters.tfidf.mat");

        VdshMatDataset.Save(data, path);
        var back = DatasetCatalog.Load(path).Dataset;

        foreach (var (a, b) in new[] { (data.Train, back.Train), (data.Validation, back.Validation), (data.Test, back.Test) })
        {
            Assert.Equal(a.Features.RowPointers, b.Features.RowPointers);
            Assert.Equal(a.Features.ColumnIndices, b.Features.ColumnIndices);
            Assert.Equal(a.Features.Values, b.Features.Values);
            Assert.Equal(a.Labels.RowPointers, b.Labels.RowPointers);
            Assert.Equal(a.Labels.LabelIds, b.Labels.LabelIds);
        }
    }
}
