using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Doc2Hash.Data;
using Doc2Hash.Data.Cache;
using Doc2Hash.Data.Formats;
using Doc2Hash.Data.Readers;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Tests.Data.Cache;
using Doc2Hash.Tests.Data.Formats;
using Doc2Hash.Tests.Data.Readers;
using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Training;

namespace Doc2Hash.Tests.Fuzzing;

/// <summary>
/// Every reader of the kit as a fuzz target, with seeds from the real corpora (<see cref="RealSlices"/>) and from the
/// test fixtures, and the tokens of each format for the mutator.
/// </summary>
internal static class ReaderTargets
{
    private static readonly UserCorpusSplit Split = new();

    public static IReadOnlyList<string> Names { get; } =
        ["sgml", "reuters-tar", "ng20-tar", "tmc-documents", "tmc-labels", "rcv1-qrels", "csv", "jsonl", "folder", "mat", "npy", "cache-data", "cache-manifest", "checkpoint", "checkpoint-header"];

    public static FuzzTarget Get(string name) => name switch
    {
        "sgml" => new(name, [RealSlices.ReutersSgml("reut2-000.sgm", 3), RealSlices.ReutersSgml("reut2-017.sgm", 2), Utf8(SgmlFixture())],
            Tokens("<REUTERS ", "</REUTERS>", "<TEXT>", "<TEXT", "</TEXT>", "<TITLE>", "</TITLE>", "<BODY>", "</BODY>", "<TOPICS>", "<D>", "</D>",
                "NEWID=\"", "LEWISSPLIT=\"TRAIN\"", "TOPICS=\"YES\"", "&#3;", "&amp;", "&#x110000;", "&#55296;", "<", ">", "\""),
            Note((input, _) => ReutersSgmlParser.Parse(Encoding.Latin1.GetString(input), "fuzz.sgm"))),
        "reuters-tar" => new(name, [RealSlices.Tar([("reut2-000.sgm", RealSlices.ReutersSgml("reut2-000.sgm", 2))])],
            Tokens("reut2-001.sgm", "ustar", "0000644", "<REUTERS ", "</REUTERS>"),
            Note((input, folder) => ReutersReader.ReadArticles(WriteFile(folder, "reuters.tar", input), checkRelease: false))),
        "ng20-tar" => new(name, [RealSlices.Tar(RealSlices.NewsgroupsMessages(3))],
            Tokens("20news-bydate-train/", "20news-bydate-test/", "ustar", "From: ", "Subject: ", "\n\n", "-- \n", "> "),
            Note((input, folder) => NewsgroupsReader.Read(WriteFile(folder, "ng20.tar", input), NewsgroupsCleaning.All))),
        "tmc-documents" => new(name, [RealSlices.FirstLines("tmc/TestData.txt.gz", 12)], Tokens("~", "\r\n", "\n"),
            Note((input, folder) => TmcReader.ReadDocuments(WriteFile(folder, "TestData.txt", input)))),
        "tmc-labels" => new(name, [RealSlices.FirstLines("tmc/TestTruth.csv.gz", 12)], Tokens("1,", "-1,", "\r\n", ","),
            Note((input, folder) => TmcReader.ReadLabelMatrix(WriteFile(folder, "TestTruth.csv", input)))),
        "rcv1-qrels" => new(name, [Utf8("E11 2286 1\nECAT 2286 1\nM11 2287 1\nC24 2288 1\n")], Tokens(" ", " 1\n", "\n"),
            Note((input, folder) => Rcv1Reader.ReadQrels(WriteFile(folder, "rcv1-v2.topics.qrels", input)))),
        "csv" => new(name, CsvSeeds(), Tokens(",", "\"", "\"\"", "\r\n", "\n", "|", "text", "labels", "label", "split", "id", "train", "test", "\u00e9", "\uFEFF"),
            Note((input, folder) => CsvCorpusReader.Read(WriteFile(folder, "corpus.csv", input), Split))),
        "jsonl" => new(name, JsonlSeeds(), Tokens("{", "}", "[", "]", "\"text\": ", "\"labels\": ", "\"label\": ", "\"id\": ", "\"split\": \"test\"",
                "\\ud800", "\\u0000", "\\\"", ",", "\n", "null", "1e999", "true"),
            Note((input, folder) => JsonlCorpusReader.Read(WriteFile(folder, "corpus.jsonl", input), Split))),
        "folder" => new(name, [.. RealSlices.NewsgroupsMessages(3).Select(m => m.Content), Utf8("caf\u00e9 cr\u00e8me")], Tokens("\0", "\u00e9", "\uFEFF", "\n"),
            Note((input, folder) => FolderCorpusReader.Read(WriteFolderCorpus(folder, input), Split))),
        "mat" => new(name, FixtureFiles("mat", "*.mat"), [.. Tokens("train", "cv", "gnd_", "IM", "MI"), .. Int32Tokens()],
            Note((input, folder) => VdshMatDataset.Load(WriteFile(folder, "fuzz.tfidf.mat", input)))),
        "npy" => new(name, FixtureFiles("npy", "*.npy"), Tokens("'descr': '<f4'", "'|u1'", "'fortran_order': True", "(99999999999, 4)", "(2147483647, 2147483647)", "(,)", "()", "(-1,)", "\n"),
            Note((input, folder) => ReadNpy(WriteFile(folder, "codes.npy", input)))),
        "cache-data" => CacheData(),
        "cache-manifest" => CacheManifest(),
        "checkpoint" => CheckpointRaw(),
        "checkpoint-header" => CheckpointHeader(),
        _ => throw new ArgumentException($"No fuzz target '{name}'.", nameof(name)),
    };

    /// <summary>A reader that returns its result or throws: nothing to report beyond success.</summary>
    private static Func<byte[], string, string?> Note(Action<byte[], string> read) => (input, folder) =>
    {
        read(input, folder);
        return null;
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[][] Tokens(params string[] tokens) => tokens.Select(Utf8).ToArray();

    private static byte[][] Int32Tokens() =>
        [.. new[] { 0x7FFFFFFF, -1, 0x10000, 1 << 30 }.Select(BitConverter.GetBytes), [14, 0, 0, 0], [15, 0, 0, 0], [5, 0, 0, 0]];

    private static string WriteFile(string folder, string name, byte[] content)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static string SgmlFixture() => ReutersFixture.File(
        ReutersFixture.Article(1, "TRAIN", true, ["cocoa", "grain"], ReutersFixture.Full("BAHIA &lt;COCOA&gt;", "Showers &amp; rain.\n&#3;")),
        ReutersFixture.Article(2, "TEST", false, [], "<TEXT TYPE=\"UNPROC\">&#2;\nraw wire text\n&#3;</TEXT>"));

    private static List<byte[]> CsvSeeds()
    {
        var messages = RealSlices.NewsgroupsMessages(3);
        string Quote(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
        var real = new StringBuilder("id,text,label,split\n");
        foreach (var (member, content) in messages)
            real.Append($"{Quote(member)},{Quote(Encoding.Latin1.GetString(content))},{member.Split('/')[1]},train\n");
        return [Utf8(real.ToString()), Utf8("text,labels\n\"a, b\",x|y\nc,\nd,z\n"), Utf8("Text,Label,Split\none,a,train\ntwo,b,test\n")];
    }

    private static List<byte[]> JsonlSeeds()
    {
        var real = string.Concat(RealSlices.NewsgroupsMessages(3).Select(m =>
            JsonSerializer.Serialize(new { id = m.Name, text = Encoding.Latin1.GetString(m.Content), label = m.Name.Split('/')[1] }) + "\n"));
        return [Utf8(real), Utf8("{\"text\": \"a b\", \"labels\": [\"x\", \"y\"], \"split\": \"train\"}\n\n{\"text\": \"c\", \"label\": 3, \"split\": \"test\", \"id\": \"c\"}\n")];
    }

    /// <summary>Two label folders; the input is one document, and its first byte picks the flat or the train/test layout.</summary>
    private static string WriteFolderCorpus(string folder, byte[] input)
    {
        string root = Path.Combine(folder, "corpus");
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        string prefix = input.Length > 0 && input[0] % 2 == 1 ? "train/" : "";
        foreach (var (relative, content) in new[] { ($"{prefix}a/1.txt", input), ($"{prefix}b/2.txt", Utf8("second document")), ("test/a/3.txt", Utf8("third")) })
        {
            if (prefix.Length == 0 && relative.StartsWith("test/", StringComparison.Ordinal)) continue;
            string path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
        }
        return root;
    }

    private static List<byte[]> FixtureFiles(string folder, string pattern) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", folder), pattern).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();

    /// <summary>The array, and when it can hold packed codes (2-D uint8), the codes unpacked at that width.</summary>
    private static void ReadNpy(string path)
    {
        var array = NpyArray.Read(path);
        if (array.Descr is "|u1" or "<u1" && array.Shape.Count == 2 && array.Shape[1] is > 0 and <= PackedCodesNpy.MaxBits / 8)
            PackedCodesNpy.Read(path, array.Shape[1] * 8);
    }

    private const string CacheSource = "fuzz-source", CachePreprocessing = "fuzz-preprocessing";

    /// <summary>
    /// Data-file bytes under the original manifest. Inputs of even length are re-sealed first (their SHA-256 trailer
    /// and the manifest's size and hash recomputed), so mutations get past the integrity check into the parser.
    /// </summary>
    private static FuzzTarget CacheData()
    {
        var datasets = new[] { CacheTestData.Tiny(), TinyCorpus.Topics(train: 20) with { Name = "tiny" } };
        var seeds = datasets.Select(ProcessedDatasetFile.Serialize).ToList();
        return new("cache-data", seeds, [.. Int32Tokens(), Utf8("D2HCACHE")], (input, folder) =>
        {
            var manifest = Manifest(seeds[0].Length, ProcessedDatasetFile.ContentHash(seeds[0]));
            if (input.Length % 2 == 0 && input.Length >= ProcessedDatasetFile.TrailerBytes)
            {
                input = (byte[])input.Clone();
                SHA256.HashData(input.AsSpan(0, input.Length - ProcessedDatasetFile.TrailerBytes)).CopyTo(input, input.Length - ProcessedDatasetFile.TrailerBytes);
                manifest = Manifest(input.Length, ProcessedDatasetFile.ContentHash(input));
            }
            File.WriteAllBytes(ProcessedDatasetCache.DataPath(folder, "tiny"), input);
            File.WriteAllBytes(ProcessedDatasetCache.ManifestPath(folder, "tiny"), manifest);
            ProcessedDatasetCache.TryLoad(folder, "tiny", CacheSource, CachePreprocessing, out _, out string reason);
            ProcessedDatasetCache.TryLoadWithoutSource(folder, "tiny", CachePreprocessing, out _, out _, out string withoutSource);
            return reason == withoutSource ? reason : $"{reason} / {withoutSource}";
        });
    }

    /// <summary>Manifest text mutated over an intact data file.</summary>
    private static FuzzTarget CacheManifest()
    {
        var data = ProcessedDatasetFile.Serialize(CacheTestData.Tiny());
        return new("cache-manifest", [Manifest(data.Length, ProcessedDatasetFile.ContentHash(data))],
            Tokens("\"formatVersion\": ", "\"dataBytes\": ", "null", "-1", "1e400", "\"\"", "{", "}", "[", "]", ","),
            (input, folder) =>
            {
                File.WriteAllBytes(ProcessedDatasetCache.DataPath(folder, "tiny"), data);
                File.WriteAllBytes(ProcessedDatasetCache.ManifestPath(folder, "tiny"), input);
                ProcessedDatasetCache.TryLoad(folder, "tiny", CacheSource, CachePreprocessing, out _, out string reason);
                return reason;
            });
    }

    private static byte[] Manifest(long bytes, string sha256) => JsonSerializer.SerializeToUtf8Bytes(
        new ProcessedDatasetManifest(ProcessedDatasetFile.FormatVersion, "tiny", CacheSource, CachePreprocessing, DateTimeOffset.UnixEpoch,
            3, 1, 2, 4, 3, bytes, sha256),
        ProcessedDatasetManifestJson.Default.ProcessedDatasetManifest);

    private static readonly Doc2HashConfig CheckpointModel = new() { Bits = 8, HiddenSize = 16 };
    private const int CheckpointVocabulary = 50;

    /// <summary>A real checkpoint of a small model (with optimiser state), as bytes.</summary>
    private static byte[] CheckpointBytes()
    {
        using var folder = new TemporaryDirectory();
        using var model = new Doc2HashModel(CheckpointModel, CheckpointVocabulary, seed: 1);
        var history = new List<EpochReport> { new(0, 1.5, 0.5, new Dictionary<string, double> { ["total"] = 3.25, ["kl"] = 0.5 }, new Dictionary<string, double> { ["tau"] = 0.96 }, 0.42, true) };
        string path = folder.File("best.bin");
        Checkpoint.Save(path, model, new TrainingState(1, 7, 0, 0.42, history));
        return File.ReadAllBytes(path);
    }

    /// <summary>Whole checkpoint files mutated as they are: the SHA-256 trailer must refuse every change.</summary>
    private static FuzzTarget CheckpointRaw()
    {
        var model = new Doc2HashModel(CheckpointModel, CheckpointVocabulary, seed: 2);
        return new("checkpoint", [CheckpointBytes()], [.. Int32Tokens()], Note((input, folder) =>
            Checkpoint.Load(WriteFile(folder, "best.bin", input), model)), MaxLength: 1 << 18);
    }

    /// <summary>
    /// Only the header (magic, version, training-state JSON) mutated, then joined to the intact tensors and re-sealed
    /// with a fresh SHA-256, so the header parsing itself is fuzzed. Tensor bytes behind a valid hash would be a forged
    /// file, which is out of scope (the hash is an integrity check, not a signature).
    /// </summary>
    private static FuzzTarget CheckpointHeader()
    {
        var file = CheckpointBytes();
        int headerEnd = HeaderLength(file);
        var payload = file[headerEnd..^32];
        var model = new Doc2HashModel(CheckpointModel, CheckpointVocabulary, seed: 2);
        return new("checkpoint-header", [file[..headerEnd]], Tokens("DOC2HASH-CHECKPOINT", "\"NextEpoch\":", "\"History\":", "NaN", "-Infinity", "null", "[", "{", "}", "1e999"),
            Note((input, folder) =>
            {
                var content = input.Concat(payload).ToArray();
                Checkpoint.Load(WriteFile(folder, "best.bin", [.. content, .. SHA256.HashData(content)]), model);
            }), MaxLength: 1 << 14);
    }

    private static int HeaderLength(byte[] file)
    {
        using var reader = new BinaryReader(new MemoryStream(file));
        reader.ReadString();
        reader.ReadInt32();
        reader.ReadString();
        return (int)reader.BaseStream.Position;
    }
}
