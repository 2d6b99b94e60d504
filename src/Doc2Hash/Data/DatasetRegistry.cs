using Doc2Hash.Data.Acquisition;
using Doc2Hash.Data.Preprocessing;
using Doc2Hash.Data.Readers;

namespace Doc2Hash.Data;

/// <summary>
/// The corpora of the document-hashing literature by name, with their canonical sources (URLs and checksums from
/// the releases' pages and scikit-learn's fetchers; see data/README.md and environment.md for provenance), plus user
/// corpora given by path: a folder (one subfolder per label), a .csv or a .jsonl file.
/// </summary>
public static class DatasetRegistry
{
    // 20 Newsgroups "bydate" (Jason Rennie's page; scikit-learn fetches the same archive from figshare with this sha256).
    static readonly SourceFile NewsgroupsArchive = new("20news-bydate.tar.gz",
        [
            new SourceUrl("https://ndownloader.figshare.com/files/5975967", "8f1b2514ca22a5ade8fbb9cfa5727df95fa587f4c87b786e15c759fa66d95610"),
            new SourceUrl("http://qwone.com/~jason/20Newsgroups/20news-bydate.tar.gz"),
        ],
        SourceFormat.TarGzip,
        new ArchiveExpectation(new Dictionary<string, int>
        {
            [NewsgroupsReader.TrainFolder + "/"] = 11_314,
            [NewsgroupsReader.TestFolder + "/"] = 7_532,
        }));

    // Reuters-21578 Distribution 1.0 (David D. Lewis; UCI KDD mirror). No published archive checksum: verified by members.
    static readonly SourceFile ReutersArchive = new("reuters21578.tar.gz",
        [
            new SourceUrl("http://www.daviddlewis.com/resources/testcollections/reuters21578/reuters21578.tar.gz"),
            new SourceUrl("https://kdd.ics.uci.edu/databases/reuters21578/reuters21578.tar.gz"),
        ],
        SourceFormat.TarGzip,
        new ArchiveExpectation(new Dictionary<string, int> { ["reut2-"] = ReutersReader.ReleaseFileCount }));

    // TMC on NASA DASHlink; the mirror's three files are byte-identical to upstream, hence their sha256 is known.
    const string DashlinkBase = "https://c3.nasa.gov/dashlink/static/media/dataset/";
    public const string TmcTrainText = "tmc/TrainingData.txt.gz";
    public const string TmcTrainLabels = "tmc/TrainCategoryMatrix.csv.gz";
    public const string TmcTestText = "tmc/TestData.txt.gz";
    public const string TmcTestLabels = "tmc/TestTruth.csv.gz";

    static SourceFile Tmc(string relativePath, string? sha256) =>
        new(relativePath, [new SourceUrl(DashlinkBase + relativePath["tmc/".Length..], sha256)], SourceFormat.Gzip);

    // RCV1-v2 LYRL2004 appendices (Lewis et al., JMLR 5, 2004), as referenced by scikit-learn's fetch_rcv1.
    const string Lyrl2004Base = "http://www.ai.mit.edu/projects/jmlr/papers/volume5/lewis04a/";
    const string Lyrl2004Mirror = "http://jmlr.csail.mit.edu/papers/volume5/lewis04a/";
    public const string Rcv1Qrels = "rcv1-v2.topics.qrels.gz";
    public static readonly IReadOnlyList<string> Rcv1TokenFiles =
    [
        "lyrl2004_tokens_train.dat.gz", "lyrl2004_tokens_test_pt0.dat.gz", "lyrl2004_tokens_test_pt1.dat.gz",
        "lyrl2004_tokens_test_pt2.dat.gz", "lyrl2004_tokens_test_pt3.dat.gz",
    ];

    static SourceFile Lyrl2004(string appendix, string fileName, params SourceUrl[] extra) =>
        new(fileName, [new SourceUrl($"{Lyrl2004Base}{appendix}/{fileName}"), new SourceUrl($"{Lyrl2004Mirror}{appendix}/{fileName}"), .. extra],
            SourceFormat.Gzip);

    const string ModApteRule = "ModApte (Reuters-21578 README VIII.B): LEWISSPLIT=\"TRAIN\"/\"TEST\" with TOPICS=\"YES\"";

    static readonly DatasetEntry[] Entries =
    [
        new("ng20", "20 Newsgroups, bydate version (Usenet posts, 20 groups), headers/footers/quotes removed as scikit-learn does",
            CorpusFormat.NewsgroupsBydate, [NewsgroupsArchive],
            "bydate: the archive's 20news-bydate-train / 20news-bydate-test folders (11,314 / 7,532)",
            IsMultiLabel: false, LabelSelection.All, new SplitCounts(11_314, 7_532)),
        new("reuters", "Reuters-21578 ApteMod as the Doc2hash authors use it: the 90-category documents, labels later cut to the 20 most frequent",
            CorpusFormat.ReutersCategories90, [ReutersArchive],
            ModApteRule + "; documents carrying one of the 90 categories with a train and a test document (7,770 / 3,019)",
            IsMultiLabel: true, LabelSelection.TopTokens(20), new SplitCounts(7_770, 3_019)),
        new("reuters90", "Reuters-21578 ApteMod with all 90 categories",
            CorpusFormat.ReutersCategories90, [ReutersArchive],
            ModApteRule + "; documents carrying one of the 90 categories with a train and a test document (7,770 / 3,019)",
            IsMultiLabel: true, LabelSelection.All, new SplitCounts(7_770, 3_019)),
        new("reuters-modapte", "Reuters-21578 ModApte, every document with TOPICS=\"YES\" and all its TOPICS labels (some have none)",
            CorpusFormat.ReutersModApte, [ReutersArchive], ModApteRule + " (9,603 / 3,299)",
            IsMultiLabel: true, LabelSelection.All, new SplitCounts(9_603, 3_299)),
        new("tmc", "SIAM 2007 Text Mining Competition (NASA ASRS aviation safety reports), 22 labels",
            CorpusFormat.Tmc,
            [
                Tmc(TmcTrainText, null),
                Tmc(TmcTrainLabels, "aa8c15fe70550a7d7f858402441488d4c1d7130668cc92315de7c003e0f7ce5e"),
                Tmc(TmcTestText, "e3406775c1e3cf7e2fce81c8eb1f01828a541e130043c892624c5bf69d531130"),
                Tmc(TmcTestLabels, "566bedfac7025221a07985d683d7d9f5ae38072db0bf918569033c5af799a266"),
            ],
            "the competition's training and test files (21,519 / 7,077)",
            IsMultiLabel: true, LabelSelection.All, new SplitCounts(21_519, 7_077)),
        new("rcv1", "RCV1-v2 (Reuters Corpus Volume I), LYRL2004 stemmed token files and topic assignments",
            CorpusFormat.Rcv1Lyrl2004,
            [
                .. Rcv1TokenFiles.Select(file => Lyrl2004("a12-token-files", file)),
                Lyrl2004("a08-topic-qrels", Rcv1Qrels,
                    new SourceUrl("https://ndownloader.figshare.com/files/5976048", "2a98e5e5d8b770bded93afc8930d88299474317fe14181aee1466cc754d0d1c1")),
            ],
            "seeded sample from the pooled LYRL2004 documents that carry one of the top 40 topics: 100,000 train + 20,000 test (see Rcv1Reader)",
            IsMultiLabel: true, LabelSelection.TopNames(40)),
    ];

    public static IReadOnlyList<DatasetEntry> All => Entries;

    public static IReadOnlyList<string> Names => Entries.Select(e => e.Name).ToList();

    /// <summary>A registered corpus by name, or a user corpus by path (folder, .csv, .jsonl).</summary>
    public static DatasetEntry Get(string name)
    {
        var registered = Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (registered is not null) return registered;
        if (Directory.Exists(name)) return UserEntry(name, CorpusFormat.UserFolder, "a folder per label, one file per document");
        if (File.Exists(name) && name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            return UserEntry(name, CorpusFormat.UserCsv, "CSV with columns text, labels ('|'-separated) or label, optional split and id");
        if (File.Exists(name) && name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            return UserEntry(name, CorpusFormat.UserJsonl, "JSON Lines with text, labels (array) or label, optional split and id");
        throw new ArgumentException(
            $"Unknown dataset '{name}'. Known datasets: {string.Join(", ", Names)}. A user corpus is given by its path: a folder " +
            "with one subfolder per label, a .csv file or a .jsonl file (no such folder or file exists at that path).", nameof(name));
    }

    static DatasetEntry UserEntry(string path, CorpusFormat format, string layout)
    {
        string fullPath = Path.GetFullPath(path);
        string name = Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(fullPath));
        return new DatasetEntry(name, $"User corpus at {fullPath}: {layout}", format, [],
            "the file's split column/field or train/ and test/ folders when given, else a seeded 80/20 split (UserCorpusBuilder)",
            IsMultiLabel: null, LabelSelection.All, LocalPath: fullPath);
    }
}
