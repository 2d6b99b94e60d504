using Doc2Hash.Data;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data;

public class CorpusLoaderTests
{
    [Fact]
    public void Loads_a_user_corpus_with_a_fingerprint_that_follows_content_and_settings()
    {
        using var folder = new TempFolder();
        string path = folder.WriteText("mine.csv", "text,label\nx,a\ny,b\nz,a\nw,b\nv,a\n");
        var options = new DataOptions { DataRoot = folder.File("data"), AllowDownload = false };

        var loaded = CorpusLoader.LoadRaw(path, options);
        string again = CorpusLoader.Fingerprint(path, options);
        string otherSeed = CorpusLoader.Fingerprint(path, options with { UserSplit = options.UserSplit with { Seed = 9 } });
        folder.WriteText("mine.csv", "text,label\nx,a\ny,b\nz,a\nw,b\nv,b\n");
        string otherContent = CorpusLoader.Fingerprint(path, options);

        Assert.Equal((4, 1), (loaded.Corpus.Train.Count, loaded.Corpus.Test.Count)); // round(0.2 x 5) = 1
        Assert.Equal(64, loaded.SourceFingerprint.Length);
        Assert.Equal(loaded.SourceFingerprint, again);
        Assert.NotEqual(loaded.SourceFingerprint, otherSeed);
        Assert.NotEqual(loaded.SourceFingerprint, otherContent);
    }

    [Fact]
    [BadInput("datasets", "an unknown dataset name given to the loader", "ArgumentException listing the known datasets, before any file access")]
    public void Loading_an_unknown_name_fails_before_any_file_access()
    {
        var error = Assert.Throws<ArgumentException>(() => CorpusLoader.LoadRaw("no-such-corpus", DataOptions.Default));

        Assert.Contains("Known datasets", error.Message);
    }
}
