using System.Text;
using Doc2Hash.Data.Acquisition;
using Doc2Hash.Data.Readers;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data.Readers;

public class ReutersReaderTests
{
    static ReutersArticle Article(int id, string split, bool topics, params string[] categories) =>
        new(id, split, topics, categories, $"TITLE {id}", "body", "");

    // Categories: "a" has train and test documents, "b" only train, "c" only test.
    static readonly ReutersArticle[] Articles =
    [
        Article(1, "TRAIN", true, "a", "b"),
        Article(2, "TRAIN", true, "b"),        // ModApte train, but none of the two-split categories
        Article(3, "TRAIN", false, "a"),       // TOPICS="NO": outside ModApte
        Article(4, "TEST", true, "a", "c"),
        Article(5, "TEST", true),              // ModApte test with no category
        Article(6, "NOT-USED", true, "a"),     // outside both splits
        Article(7, "TRAIN", true, "a"),
    ];

    [Fact]
    public void ModApte_keeps_train_and_test_articles_with_topics_yes()
    {
        var corpus = ReutersReader.ToCorpus(Articles, ReutersVariant.ModApte, "reuters-modapte");

        Assert.Equal(["1", "2", "7"], corpus.Train.Select(d => d.Id));
        Assert.Equal(["4", "5"], corpus.Test.Select(d => d.Id));
        Assert.Equal(["a", "b"], corpus.Train[0].Labels);
        Assert.Empty(corpus.Test[1].Labels);
        Assert.True(corpus.IsMultiLabel);
    }

    [Fact]
    public void The_category_subset_keeps_categories_in_both_splits_and_their_documents()
    {
        var corpus = ReutersReader.ToCorpus(Articles, ReutersVariant.Categories90, "reuters90");

        // Only "a" has a ModApte train (1, 7) and test (4) document; article 2 (only "b") and 5 (none) drop out.
        Assert.Equal(["1", "7"], corpus.Train.Select(d => d.Id));
        Assert.Equal(["4"], corpus.Test.Select(d => d.Id));
        Assert.All(corpus.Train.Concat(corpus.Test), d => Assert.Equal(["a"], d.Labels));
    }

    [Fact]
    public void Reads_sgm_members_of_a_tarball_in_file_order_and_decodes_latin1()
    {
        using var folder = new TempFolder();
        string first = ReutersFixture.File(ReutersFixture.Article(1, "TRAIN", true, ["a"], ReutersFixture.Full("ONE", "caf\u00e9")));
        string second = ReutersFixture.File(ReutersFixture.Article(2, "TEST", true, ["a"], ReutersFixture.Full("TWO", "x")));
        string archive = folder.WriteTarGz("reuters21578.tar.gz",
        [
            ("reut2-001.sgm", Encoding.Latin1.GetBytes(second)),
            ("README.txt", Encoding.ASCII.GetBytes("not sgml")),
            ("reut2-000.sgm", Encoding.Latin1.GetBytes(first)),
        ]);

        var articles = ReutersReader.ReadArticles(archive, checkRelease: false);

        Assert.Equal([1, 2], articles.Select(a => a.NewId));
        Assert.Equal("caf\u00e9", articles[0].Body);
    }

    [Fact]
    [BadInput("Reuters archive", "an archive with 1 of the 22 SGML files", "DataSourceException: holds 1 reut2-NNN.sgm files; Reuters-21578 has 22 ... download it again")]
    public void An_incomplete_release_is_rejected_with_the_fix()
    {
        using var folder = new TempFolder();
        string archive = folder.WriteTarGz("reuters21578.tar.gz", [("reut2-000.sgm", Encoding.ASCII.GetBytes(ReutersFixture.File()))]);

        var error = Assert.Throws<DataSourceException>(() => ReutersReader.ReadArticles(archive));

        Assert.Contains("holds 1 reut2-NNN.sgm files; Reuters-21578 has 22", error.Message);
        Assert.Contains("download it again", error.Message);
    }

    [Fact]
    [BadInput("Reuters archive", "a tar header whose gid field starts with 0xFF bytes (base-256 form, overflowing; found by fuzzing)", "DataSourceException: Source file '...' is damaged or truncated (... the tar header of member 1 is corrupt (OverflowException ...)) (was an unhandled OverflowException from TarReader)")]
    public void A_tar_header_with_a_corrupt_numeric_field_is_a_damaged_source()
    {
        using var folder = new TempFolder();
        var tar = Fuzzing.RealSlices.Tar([("reut2-000.sgm", Encoding.ASCII.GetBytes(ReutersFixture.File()))]);
        // The ustar gid field is bytes 116-123 of the header; a leading 0x80+ byte switches it to base-256 digits.
        for (int i = 116; i < 120; i++) tar[i] = 0xFF;
        string archive = folder.WriteBytes("reuters21578.tar", tar);

        var error = Assert.Throws<DataSourceException>(() => ReutersReader.ReadArticles(archive, checkRelease: false));

        Assert.Contains($"Source file '{archive}' is damaged or truncated", error.Message);
        Assert.Contains("the tar header of member 1 is corrupt (OverflowException", error.Message);
    }
}
