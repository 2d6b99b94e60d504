using Doc2Hash.Data;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data;

public class DatasetRegistryTests
{
    [Fact]
    public void Registers_the_corpora_of_the_field()
    {
        Assert.Equal(["ng20", "reuters", "reuters90", "reuters-modapte", "tmc", "rcv1"], DatasetRegistry.Names);
    }

    [Theory]
    [InlineData("ng20", null, false)]
    [InlineData("reuters", 20, true)]   // the authors keep the 20 most frequent label tokens
    [InlineData("reuters90", null, true)]
    [InlineData("reuters-modapte", null, true)]
    [InlineData("tmc", null, true)]
    [InlineData("rcv1", 40, true)]      // top 40 topics
    public void Each_entry_carries_its_default_label_selection_and_label_kind(string name, int? topK, bool multiLabel)
    {
        var entry = DatasetRegistry.Get(name);

        Assert.Equal(topK, entry.DefaultLabels.MostFrequent);
        Assert.Equal(multiLabel, entry.IsMultiLabel);
        Assert.NotEmpty(entry.Sources);
        Assert.All(entry.Sources, source => Assert.NotEmpty(source.Urls));
    }

    [Fact]
    public void Names_are_case_insensitive()
    {
        Assert.Equal("ng20", DatasetRegistry.Get("NG20").Name);
    }

    [Fact]
    [BadInput("datasets", "an unknown dataset name ('imdb')", "ArgumentException: Unknown dataset 'imdb'. Known datasets: ng20, reuters, ...")]
    public void An_unknown_name_lists_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => DatasetRegistry.Get("imdb"));

        Assert.Contains("Unknown dataset 'imdb'", error.Message);
        Assert.Contains("ng20, reuters, reuters90, reuters-modapte, tmc, rcv1", error.Message);
    }

    [Fact]
    public void A_path_to_a_folder_csv_or_jsonl_is_a_user_corpus()
    {
        using var folder = new TempFolder();
        string csv = folder.WriteText("mine.csv", "text,label\nx,a\n");
        string jsonl = folder.WriteText("mine.jsonl", "{\"text\": \"x\", \"label\": \"a\"}\n");

        Assert.Equal(CorpusFormat.UserFolder, DatasetRegistry.Get(folder.Path).Format);
        Assert.Equal((CorpusFormat.UserCsv, "mine"), (DatasetRegistry.Get(csv).Format, DatasetRegistry.Get(csv).Name));
        Assert.Equal(CorpusFormat.UserJsonl, DatasetRegistry.Get(jsonl).Format);
        Assert.True(DatasetRegistry.Get(csv).IsUserCorpus);
    }

    [Fact]
    public void The_tmc_sources_use_the_canonical_file_names()
    {
        Assert.Equal(
            ["tmc/TrainingData.txt.gz", "tmc/TrainCategoryMatrix.csv.gz", "tmc/TestData.txt.gz", "tmc/TestTruth.csv.gz"],
            DatasetRegistry.Get("tmc").Sources.Select(s => s.RelativePath));
        Assert.Equal("https://c3.nasa.gov/dashlink/static/media/dataset/TrainingData.txt.gz", DatasetRegistry.Get("tmc").Sources[0].Urls[0].Url);
    }
}
