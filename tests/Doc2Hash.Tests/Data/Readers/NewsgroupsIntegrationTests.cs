using System.Security.Cryptography;
using System.Text;
using Doc2Hash.Data;

namespace Doc2Hash.Tests.Data.Readers;

/// <summary>Reads the real 20news-bydate tarball once (through the mirror) for all tests of the class.</summary>
public sealed class NewsgroupsCorpusFixture : IDisposable
{
    readonly TempFolder cache = new();

    public NewsgroupsCorpusFixture() => Loaded = CorpusLoader.LoadRaw("ng20", MirrorFolder.Options(cache));

    public LoadedCorpus Loaded { get; }

    public void Dispose() => cache.Dispose();
}

public class NewsgroupsIntegrationTests(NewsgroupsCorpusFixture fixture) : IClassFixture<NewsgroupsCorpusFixture>
{
    readonly RawCorpus corpus = fixture.Loaded.Corpus;

    [Fact]
    public void The_bydate_split_has_11314_train_and_7532_test_messages_in_20_groups()
    {
        Assert.Equal((11_314, 7_532), (corpus.Train.Count, corpus.Test.Count));
        Assert.Equal(20, corpus.Train.Concat(corpus.Test).Select(d => d.Labels.Single()).Distinct().Count());
    }

    [Fact]
    public void Alt_atheism_has_480_train_and_319_test_messages()
    {
        // The per-group counts of the mirror README, which match scikit-learn's.
        Assert.Equal(480, corpus.Train.Count(d => d.Labels[0] == "alt.atheism"));
        Assert.Equal(319, corpus.Test.Count(d => d.Labels[0] == "alt.atheism"));
    }

    [Theory]
    // Golden values from a Python script applying scikit-learn's strip_newsgroup_header/footer/quoting (in that
    // order) to the same tarball read with tarfile, sorted by (group, file name), bytes decoded as Latin-1: the
    // number of characters and the sha256 of the cleaned texts joined by "\0" (UTF-8), and how many came out blank.
    [InlineData("train", 13_781_985, "0b4b819b197e3a5182a2ff57239f3a2189a7046180f7dcff62d6379bf5b10087", 300)]
    [InlineData("test", 8_261_569, "610cbb0fc22dcdf2e3b1a80a9dca2f93e0f100c655cde6dc1a94c32da33f7c67", 215)]
    public void Cleaned_texts_equal_scikit_learns_character_for_character(string split, long characters, string sha256, int blank)
    {
        var documents = split == "train" ? corpus.Train : corpus.Test;
        string joined = string.Join('\0', documents.Select(d => d.Text));

        Assert.Equal(characters, documents.Sum(d => (long)d.Text.Length));
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined))));
        Assert.Equal(blank, documents.Count(d => string.IsNullOrWhiteSpace(d.Text)));
    }

    [Fact]
    public void Documents_come_sorted_by_group_then_file_name()
    {
        var keys = corpus.Train.Select(d => d.Id).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal("alt.atheism/49960", keys[0]); // smallest file name in the first group of the train folder
    }
}
