using Doc2Hash.Data;
using Doc2Hash.Data.Readers;

namespace Doc2Hash.Tests.Data.Readers;

/// <summary>Parses the real Reuters-21578 tarball once (through the mirror) for all tests of the class.</summary>
public sealed class ReutersArticlesFixture : IDisposable
{
    readonly TempFolder cache = new();

    public ReutersArticlesFixture()
    {
        Options = MirrorFolder.Options(cache);
        var path = CorpusLoader.ResolveFiles(DatasetRegistry.Get("reuters"), Options)["reuters21578.tar.gz"];
        Articles = ReutersReader.ReadArticles(path);
    }

    public DataOptions Options { get; }

    public List<ReutersArticle> Articles { get; }

    public void Dispose() => cache.Dispose();
}

public class ReutersIntegrationTests(ReutersArticlesFixture fixture) : IClassFixture<ReutersArticlesFixture>
{
    // Counts from the Reuters-21578 README (section VIII) and the mirror's README (90-category subset).

    [Fact]
    public void The_release_holds_21578_articles_with_newids_1_to_21578()
    {
        Assert.Equal(Enumerable.Range(1, 21_578), fixture.Articles.Select(a => a.NewId));
    }

    [Fact]
    public void ModApte_has_9603_train_and_3299_test_documents()
    {
        var corpus = ReutersReader.ToCorpus(fixture.Articles, ReutersVariant.ModApte, "reuters-modapte");

        Assert.Equal((9_603, 3_299), (corpus.Train.Count, corpus.Test.Count));
    }

    [Fact]
    public void The_category_subset_has_90_categories_and_7770_train_and_3019_test_documents()
    {
        var corpus = ReutersReader.ToCorpus(fixture.Articles, ReutersVariant.Categories90, "reuters90");

        Assert.Equal((7_770, 3_019), (corpus.Train.Count, corpus.Test.Count));
        Assert.Equal(90, corpus.Train.Concat(corpus.Test).SelectMany(d => d.Labels).Distinct().Count());
        Assert.Equal(90, ReutersReader.CategoriesInBothSplits(
            fixture.Articles.Where(a => a.HasTopics && a.LewisSplit == "TRAIN"),
            fixture.Articles.Where(a => a.HasTopics && a.LewisSplit == "TEST")).Count);
    }

    [Fact]
    public void The_first_article_reads_title_then_body()
    {
        var first = fixture.Articles[0];

        Assert.Equal(["cocoa"], first.Topics);
        Assert.StartsWith("BAHIA COCOA REVIEW\nShowers continued throughout the week in", first.Text);
    }

    [Fact]
    public void The_non_ascii_byte_of_reut2_017_is_read_as_latin1()
    {
        // Byte 0xFC sits in the body of NEWID 17980; Latin-1 maps it to U+00FC.
        Assert.Contains('\u00fc', fixture.Articles.Single(a => a.NewId == 17_980).Body);
    }

    [Fact]
    public void The_loader_returns_the_authors_reuters_corpus_with_a_fingerprint()
    {
        var loaded = CorpusLoader.LoadRaw("reuters", fixture.Options);

        Assert.Equal((7_770, 3_019), (loaded.Corpus.Train.Count, loaded.Corpus.Test.Count));
        Assert.Equal(20, loaded.Entry.DefaultLabels.MostFrequent);
        Assert.Equal(CorpusLoader.Fingerprint("reuters", fixture.Options), loaded.SourceFingerprint);
    }
}
