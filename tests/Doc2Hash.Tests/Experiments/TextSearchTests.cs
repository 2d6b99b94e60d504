using Doc2Hash.Data;
using Doc2Hash.Data.Preprocessing;
using Doc2Hash.Data.Readers;
using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Retrieval;
using Doc2Hash.Tests.Data;
using Doc2Hash.Tests.Retrieval;
using Doc2Hash.Text;
using Doc2Hash.IO;

namespace Doc2Hash.Tests.Experiments;

public class TextSearchTests
{
    private static readonly string[][] TopicWords =
    [
        ["orbit", "rocket", "launch", "satellite", "nasa", "shuttle", "moon", "planet", "space", "astronaut", "mission", "telescope"],
        ["goalie", "hockey", "puck", "season", "playoff", "team", "score", "league", "coach", "game", "ice", "player"],
        ["encryption", "key", "cipher", "privacy", "clipper", "chip", "algorithm", "secure", "escrow", "nsa", "public", "crypto"],
        ["engine", "car", "dealer", "brake", "tire", "mileage", "sedan", "ford", "oil", "wheel", "driver", "transmission"],
    ];

    private static readonly string[] Topics = ["sci.space", "rec.sport.hockey", "sci.crypt", "rec.autos"];

    /// <summary>
    /// Raw documents of four topics with capitals, punctuation, stop words, digits and one-letter tokens, plus
    /// documents the length filter drops (too short) in between, so matching rows to texts must skip some.
    /// </summary>
    internal static RawCorpus TextCorpus(int seed = 3)
    {
        var random = new Random(seed);
        RawDocument Document(string split, int i)
        {
            int topic = random.Next(Topics.Length);
            if (i % 9 == 4) return new RawDocument($"{split}-{i}", "Too short: the end.", [Topics[topic]]);
            var words = Enumerable.Range(0, random.Next(12, 40)).Select(_ => random.Next(4) switch
            {
                0 => TopicWords[random.Next(TopicWords.Length)][random.Next(12)],
                1 => new[] { "the", "and", "of", "is", "a", "x", "7", "it's" }[random.Next(8)],
                _ => TopicWords[topic][random.Next(12)],
            });
            string text = string.Join(" ", words.Select((w, k) => k % 7 == 0 ? char.ToUpperInvariant(w[0]) + w[1..] + "," : w)) + ".";
            return new RawDocument($"{split}-{i}", text, [Topics[topic]]);
        }
        return new RawCorpus("tiny-text", [.. Enumerable.Range(0, 160).Select(i => Document("train", i))],
            [.. Enumerable.Range(0, 60).Select(i => Document("test", i))], IsMultiLabel: false);
    }

    private static readonly PreprocessingConfig Config = PreprocessingConfig.Default with { MinDocumentFrequency = DocumentFrequencyBound.Count(2) };

    /// <summary>The preprocessing of <see cref="TextCorpus"/> (for other tests).</summary>
    internal static PreprocessingConfig TinyConfig => Config;

    /// <summary><see cref="TextCorpus"/> prepared with <see cref="TinyConfig"/>.</summary>
    internal static PreparedDataset PrepareTiny(RawCorpus corpus) => Prepare(corpus, Config);

    private static PreparedDataset Prepare(RawCorpus corpus, PreprocessingConfig config) =>
        new(Preprocessor.Prepare(corpus, config), "test-source", config.Fingerprint(), FromCache: false, "", TimeSpan.Zero);

    /// <summary>A run folder; epochs 0: created (config and fingerprint) but never trained.</summary>
    private static RunFolder NewRun(HashingDataset data, string runs, int epochs = 0)
    {
        var config = MethodCatalog.Configure(Doc2HashMethod.MethodName, "tiny-text", bits: 16, new Dictionary<string, string>
        {
            ["hidden-size"] = "32", ["epochs"] = $"{Math.Max(epochs, 1)}", ["batch-size"] = "50", ["lr"] = "0.005", ["k"] = "10",
        });
        return epochs == 0
            ? RunFolder.Create(runs, config with { DataFingerprint = DatasetFingerprint.Compute(data) }, DateTime.UtcNow)
            : Experiment.Train(config, data, runs).Run;
    }

    [Fact]
    public void The_text_model_reproduces_every_training_row_from_its_raw_text_exactly()
    {
        var corpus = TextCorpus();
        var prepared = Prepare(corpus, Config);
        var text = RunTextModel.Create(prepared, Config).Model;
        var data = prepared.Dataset;
        Assert.InRange(data.Train.Count, 100, corpus.Train.Count - 10); // the short documents were dropped

        // Document "train-0" is kept as row 0: its text gives row 0 bit for bit.
        var row = text.Transform([corpus.Train[0].Text]);
        Assert.Equal(data.Train.Features.RowIndices(0).ToArray(), row.RowIndices(0).ToArray());
        Assert.Equal(data.Train.Features.RowValues(0).ToArray(), row.RowValues(0).ToArray());

        // Every kept row is found, in order, skipping the dropped documents.
        var documents = TrainingDocuments.Match(corpus.Train, data, text);
        Assert.Equal(data.Train.Count, documents.Count);
        Assert.DoesNotContain(documents, d => d.Preview.StartsWith("Too short", StringComparison.Ordinal));
        Assert.Equal(corpus.Train[0].Labels, documents[0].Labels);
        Assert.Equal(corpus.Train.Where(d => !d.Text.StartsWith("Too short", StringComparison.Ordinal)).Select(d => d.Id), documents.Select(d => d.Id));
    }

    [Fact]
    public void Idf_refitted_from_the_training_tfidf_equals_the_preprocessing_idf()
    {
        // The preprocessing fits idf on the training counts; the text model refits it on the training TF-IDF rows.
        var corpus = TextCorpus();
        var data = Prepare(corpus, Config).Dataset;
        var vocabulary = new Vocabulary(data.Vocabulary);
        var kept = TrainingDocuments.Match(corpus.Train, data, RunTextModel.Create(Prepare(corpus, Config), Config).Model);
        var counts = TermCounter.Count([.. kept.Select(d => corpus.Train.Single(r => r.Id == d.Id).Text)], vocabulary);
        var fromCounts = TfidfTransformer.Fit(counts, Config.ToTfidfOptions()).InverseDocumentFrequencies;
        Assert.Equal(fromCounts, RunTextModel.Create(Prepare(corpus, Config), Config).Model.Tfidf.InverseDocumentFrequencies);
    }

    [Fact]
    public void The_text_model_file_round_trips_and_refuses_edits_and_other_datasets()
    {
        using var folder = new TempFolder();
        var corpus = TextCorpus();
        var prepared = Prepare(corpus, Config);
        var run = NewRun(prepared.Dataset, folder.Path);

        var created = RunTextModel.Ensure(run, prepared, Config);
        var loaded = RunTextModel.Load(run);
        Assert.Equal(created.Model.Tfidf.InverseDocumentFrequencies, loaded.Model.Tfidf.InverseDocumentFrequencies);
        Assert.Equal(prepared.Dataset.Vocabulary, loaded.Model.Vocabulary);
        Assert.Equal(prepared.Dataset.LabelNames, loaded.LabelNames);
        Assert.Equal(DatasetFingerprint.Compute(prepared.Dataset), loaded.DataFingerprint);

        // Another preprocessing of the same corpus is another dataset: refused by fingerprint.
        var other = Prepare(corpus, Config with { MaxFeatures = 20 });
        Assert.Contains("is not the dataset of this text model", Assert.Throws<InvalidDataException>(() => RunTextModel.Ensure(run, other, Config with { MaxFeatures = 20 })).Message);
        Assert.Contains("is not the dataset of this text model", Assert.Throws<InvalidDataException>(() => loaded.CheckDataset(other.Dataset)).Message);

        // A run trained on other data refuses to get this dataset's text model.
        var otherRun = NewRun(other.Dataset, folder.File("other"));
        Assert.Contains("was trained on", Assert.Throws<InvalidDataException>(() => RunTextModel.Ensure(otherRun, prepared, Config)).Message);

        // An edited file (a TF-IDF switch flipped) is refused by its checksum.
        string path = RunTextModel.PathIn(run);
        var json = File.ReadAllText(path);
        Assert.Contains("\"SmoothIdf\": true", json);
        File.WriteAllText(path, json.Replace("\"SmoothIdf\": true", "\"SmoothIdf\": false", StringComparison.Ordinal));
        Assert.Contains("corrupt or was edited", Assert.Throws<InvalidDataException>(() => RunTextModel.Load(run)).Message);
    }

    [Fact]
    public void A_dataset_the_kit_did_not_preprocess_has_no_text_model()
    {
        var corpus = TextCorpus();
        var asMat = new PreparedDataset(Preprocessor.Prepare(corpus, Config), "mat:x", "vdsh-mat-as-is", false, "", TimeSpan.Zero);
        Assert.Contains("VDSH .mat", Assert.Throws<InvalidOperationException>(() => RunTextModel.Create(asMat, Config)).Message);
    }

    [Fact]
    public void Search_hashes_text_like_the_dataset_and_returns_the_linear_scan_ranking()
    {
        using var folder = new TempFolder();
        var corpus = TextCorpus();
        var prepared = Prepare(corpus, Config);
        var data = prepared.Dataset;
        var run = NewRun(data, folder.Path, epochs: 1);
        RunTextModel.Ensure(run, prepared, Config);
        using (var hasher = TextHasher.Open(run, data))
        {
            var built = RunSearchIndex.Build(run, hasher, data, corpus.Train);
            // Hashing the raw training texts gives the codes of the prepared rows.
            var fromText = hasher.Hash([.. built.Documents.Select(d => corpus.Train.Single(r => r.Id == d.Id).Text)]);
            Assert.Equal(hasher.Encode(data.Train.Features).Words, fromText.Words);
        }

        using var search = DocumentSearch.Open(run, data);
        foreach (string query in new[] { "The NASA shuttle launch put a satellite into orbit", corpus.Train[5].Text, "unknown words only zzz" })
        {
            var result = search.Search(query, k: 7);
            var expected = HammingSearch.TopK(result.Code, search.Index.Index.Codes, 7);
            Assert.Equal(expected.IndicesOf(0).ToArray(), result.Hits.Select(h => h.Index));
            Assert.Equal(expected.DistancesOf(0).ToArray(), result.Hits.Select(h => h.Distance));
            Assert.Equal(Enumerable.Range(1, 7), result.Hits.Select(h => h.Rank));
        }
        Assert.Equal(0, search.Search("unknown words only zzz").KnownWords);

        var within = search.Search(corpus.Train[5].Text, k: 1000, radius: 2);
        Assert.All(within.Hits, h => Assert.InRange(h.Distance, 0, 2));
        Assert.Equal(search.Index.CountWithin(within.Code, 2), within.Hits.Count);
        Assert.Contains(within.Hits, h => h.Document.Id == corpus.Train[5].Id && h.Distance == 0);
    }

    [Fact]
    public void Missing_index_and_bad_input_files_are_explained()
    {
        using var folder = new TempFolder();
        var prepared = Prepare(TextCorpus(), Config);
        var run = NewRun(prepared.Dataset, folder.Path);
        Assert.Contains("index build", Assert.Throws<FileNotFoundException>(() => RunSearchIndex.Open(run)).Message);
        Assert.Contains("index build", Assert.Throws<FileNotFoundException>(() => RunTextModel.Load(run)).Message);

        Assert.Contains("line 2: not valid JSON", Assert.Throws<DataFormatException>(() => JsonlCorpusReader.ReadDocuments(folder.WriteText("a.jsonl", "{\"text\": \"fine\"}\n{text: oops}\n"))).Message);
        Assert.Contains("line 1: the object has no \"text\" string", Assert.Throws<DataFormatException>(() => JsonlCorpusReader.ReadDocuments(folder.WriteText("b.jsonl", "{\"body\": \"x\"}\n"))).Message);
        Assert.Throws<FileNotFoundException>(() => JsonlCorpusReader.ReadDocuments(folder.File("missing.jsonl")));
        var documents = JsonlCorpusReader.ReadDocuments(folder.WriteText("c.jsonl", "{\"text\": \"one\", \"id\": 7}\n\n{\"text\": \"two\"}\n"));
        Assert.Equal(["7", "3"], documents.Select(d => d.Id));
        Assert.All(documents, d => Assert.Empty(d.Labels));
    }
}
