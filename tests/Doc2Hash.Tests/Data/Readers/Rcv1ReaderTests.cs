using Doc2Hash.IO;
using Doc2Hash.Data;
using Doc2Hash.Data.Readers;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data.Readers;

public class Rcv1ReaderTests
{
    // The LYRL2004 token format (JMLR 2004, appendix 12): ".I <id>", ".W", token lines, a blank line.
    const string TrainTokens = ".I 2286\n.W\nsoviet grain export\nwheat\n\n.I 2287\n.W\nbank rate cut\n\n";
    const string TestTokens = ".I 2288\n.W\noil price\n\n.I 2289\n.W\nfootball match\n\n.I 2290\n.W\ngold mine\n";

    // Topic frequencies: C15 4 documents, GCAT 2, E11 2, M14 1: with 2 topics kept, C15 and then E11 (tie with GCAT
    // broken by name, "E11" < "GCAT").
    const string Qrels = "C15 2286 1\nE11 2286 1\nC15 2287 1\nE11 2287 1\nC15 2288 1\nM14 2288 1\nGCAT 2289 1\nC15 2290 1\nGCAT 2290 1\n";

    static (string[] Tokens, string Qrels) WriteFixture(TempFolder folder) =>
        ([folder.WriteGzip("lyrl2004_tokens_train.dat.gz", TrainTokens), folder.WriteText("lyrl2004_tokens_test_pt0.dat", TestTokens)],
            folder.WriteGzip("rcv1-v2.topics.qrels.gz", Qrels));

    [Fact]
    public void Most_frequent_topics_break_ties_by_name()
    {
        using var folder = new TempFolder();
        var (_, qrels) = WriteFixture(folder);

        var top = Rcv1Reader.MostFrequentTopics(Rcv1Reader.ReadQrels(qrels), 2);

        Assert.Equal(["C15", "E11"], top.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Samples_documents_with_a_kept_topic_and_restricts_their_labels()
    {
        using var folder = new TempFolder();
        var (tokens, qrels) = WriteFixture(folder);
        var sampling = new Rcv1Sampling { TrainSize = 2, TestSize = 2, TopTopics = 2, Seed = 3 };

        var corpus = Rcv1Reader.Read(tokens, qrels, sampling);

        // Document 2289 has only GCAT (not kept), so the pool is 2286, 2287, 2288, 2290: all four are drawn.
        var all = corpus.Train.Concat(corpus.Test).ToDictionary(d => d.Id);
        Assert.Equal(["2286", "2287", "2288", "2290"], all.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("soviet grain export wheat", all["2286"].Text);
        Assert.Equal(["C15"], all["2288"].Labels); // M14 is not among the kept topics
        Assert.Equal(["C15", "E11"], all["2287"].Labels);
        Assert.Equal((2, 2), (corpus.Train.Count, corpus.Test.Count));
        Assert.True(corpus.Train.Select(d => d.Id).SequenceEqual(corpus.Train.Select(d => d.Id).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Sampling_is_repeatable_for_a_seed()
    {
        using var folder = new TempFolder();
        var (tokens, qrels) = WriteFixture(folder);
        var sampling = new Rcv1Sampling { TrainSize = 2, TestSize = 1, TopTopics = 2, Seed = 7 };

        var first = Rcv1Reader.Read(tokens, qrels, sampling);
        var second = Rcv1Reader.Read(tokens, qrels, sampling);

        Assert.Equal(first.Train.Select(d => d.Id), second.Train.Select(d => d.Id));
        Assert.Equal(first.Test.Select(d => d.Id), second.Test.Select(d => d.Id));
    }

    [Fact]
    [BadInput("RCV1", "a sample larger than the document pool", "InvalidOperationException: only 4 documents ... Lower Rcv1Sampling sizes")]
    public void Asking_for_more_documents_than_the_pool_holds_says_how_many_there_are()
    {
        using var folder = new TempFolder();
        var (tokens, qrels) = WriteFixture(folder);

        var error = Assert.Throws<InvalidOperationException>(() =>
            Rcv1Reader.Read(tokens, qrels, new Rcv1Sampling { TrainSize = 4, TestSize = 1, TopTopics = 2 }));

        Assert.Contains("only 4 documents", error.Message);
    }

    [Fact]
    [BadInput("RCV1", "a qrels line with a non-numeric document id", "DataFormatException: ..., line 2: expected '<topic> <docid> 1'")]
    public void A_malformed_qrels_line_names_file_and_line()
    {
        using var folder = new TempFolder();
        string qrels = folder.WriteText("rcv1-v2.topics.qrels", "C15 2286 1\nC15 two 1\n");

        var error = Assert.Throws<DataFormatException>(() => Rcv1Reader.ReadQrels(qrels));

        Assert.Contains($"{qrels}, line 2", error.Message);
    }

    [Fact]
    public void The_loader_reads_rcv1_from_the_cache_under_the_canonical_file_names()
    {
        using var folder = new TempFolder();
        folder.WriteGzip("data/raw/lyrl2004_tokens_train.dat.gz", TrainTokens);
        folder.WriteGzip("data/raw/lyrl2004_tokens_test_pt0.dat.gz", TestTokens);
        foreach (int part in new[] { 1, 2, 3 }) folder.WriteGzip($"data/raw/lyrl2004_tokens_test_pt{part}.dat.gz", "\n"); // empty parts
        folder.WriteGzip("data/raw/rcv1-v2.topics.qrels.gz", Qrels);
        var options = new DataOptions
        {
            DataRoot = folder.File("data"), AllowDownload = false, Rcv1 = new Rcv1Sampling { TrainSize = 3, TestSize = 1, TopTopics = 2 },
        };

        var loaded = CorpusLoader.LoadRaw("rcv1", options);

        Assert.Equal((3, 1), (loaded.Corpus.Train.Count, loaded.Corpus.Test.Count));
        Assert.Equal(40, loaded.Entry.DefaultLabels.MostFrequent);
    }
}
