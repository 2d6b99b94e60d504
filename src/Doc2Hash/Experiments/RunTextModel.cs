using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Doc2Hash.Data;
using Doc2Hash.Data.Preprocessing;
using Doc2Hash.IO;
using Doc2Hash.Text;

namespace Doc2Hash.Experiments;

/// <summary>
/// The run folder's <c>text-model.json</c>: everything needed to hash new text like the run's dataset (vocabulary,
/// idf weights, TF-IDF switches, the tokenizer's pattern, label names), tied to that dataset by its fingerprint
/// (<see cref="DatasetFingerprint"/>, the one in config.json) and to its preprocessing by the preprocessing
/// fingerprint. A different dataset is refused; the file carries a format name, a version and a SHA-256 of its
/// content, checked on load, and is written atomically.
/// <para>
/// The idf weights are refitted from the training split's TF-IDF matrix: <see cref="TfidfTransformer.Fit"/> only
/// uses which entries are stored (document frequencies) and the row count, and the training TF-IDF matrix stores
/// exactly the entries of the training counts, so the weights are the preprocessing's own, bit for bit (the
/// search index build checks it on every training document).
/// </para>
/// </summary>
public sealed class RunTextModel
{
    public const string FileName = "text-model.json";
    public const string Format = "doc2hash-text-model";
    public const int Version = 1;

    private RunTextModel(TextModelFile file)
    {
        File = file;
        Model = new TextModel(new Vocabulary(file.Vocabulary),
            TfidfTransformer.FromIdf(file.Idf, new TfidfOptions(file.SublinearTf, file.SmoothIdf, file.L2Normalize)));
    }

    private TextModelFile File { get; }

    public TextModel Model { get; }
    public string Dataset => File.Dataset;
    public string DataFingerprint => File.DataFingerprint;
    public string PreprocessingFingerprint => File.Preprocessing;
    public IReadOnlyList<string> LabelNames => File.LabelNames;
    public bool IsMultiLabel => File.MultiLabel;

    public static string PathIn(RunFolder run) => Path.Combine(run.Path, FileName);

    /// <summary>
    /// The text model of a dataset prepared with <paramref name="config"/>; refuses a dataset whose preprocessing
    /// is not that config (a VDSH .mat file, or a cache made with other settings), since its text pipeline is unknown.
    /// </summary>
    public static RunTextModel Create(PreparedDataset prepared, PreprocessingConfig config)
    {
        if (prepared.PreprocessingFingerprint != config.Fingerprint())
            throw new InvalidOperationException(
                $"Dataset '{prepared.Dataset.Name}' was not prepared by the kit's text pipeline with these settings (its preprocessing is \"{prepared.PreprocessingFingerprint}\"), " +
                "so new text cannot be weighted like it. Text can be hashed for runs trained on a corpus the kit preprocessed (a registered dataset or a user corpus), not on a VDSH .mat file.");
        var data = prepared.Dataset;
        var options = config.ToTfidfOptions();
        var idf = TfidfTransformer.Fit(data.Train.Features, options).InverseDocumentFrequencies;
        return new RunTextModel(Seal(new TextModelFile(Format, Version, data.Name, DatasetFingerprint.Compute(data), prepared.PreprocessingFingerprint,
            Tokenizer.ScikitLearnTokenPattern, options.SublinearTf, options.SmoothIdf, options.L2Normalize,
            [.. data.LabelNames], data.IsMultiLabel, [.. data.Vocabulary], [.. idf], Checksum: "")));
    }

    /// <summary>
    /// The run's text model: loaded (and checked against <paramref name="prepared"/>) when the run has one, else
    /// created from the dataset the run was trained on (checked against config.json's fingerprint) and saved.
    /// </summary>
    public static RunTextModel Ensure(RunFolder run, PreparedDataset prepared, PreprocessingConfig config)
    {
        if (System.IO.File.Exists(PathIn(run)))
        {
            var existing = Load(run);
            existing.CheckDataset(prepared.Dataset);
            return existing;
        }
        var created = Create(prepared, config);
        CheckRun(run, created.DataFingerprint, $"dataset '{prepared.Dataset.Name}'");
        created.Save(run);
        return created;
    }

    /// <summary>Reads the run's text model, checking format, version, checksum and that it belongs to the run's data.</summary>
    public static RunTextModel Load(RunFolder run)
    {
        string path = PathIn(run);
        if (!System.IO.File.Exists(path))
            throw new FileNotFoundException($"Run '{run.Path}' has no {FileName}; create it with `doc2hash index build {run.Path}` (or `doc2hash hash`), which reads the run's dataset.", path);
        TextModelFile file;
        try
        {
            file = JsonSerializer.Deserialize<TextModelFile>(System.IO.File.ReadAllText(path), RunFolder.Json)
                ?? throw new InvalidDataException($"'{path}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a text model ({e.Message}).", e);
        }
        if (file.Format != Format) throw new InvalidDataException($"'{path}' is not a {Format} file (format \"{file.Format}\").");
        if (file.Version != Version) throw new InvalidDataException($"'{path}' is version {file.Version}; this kit reads version {Version}. Delete it and run `doc2hash index build` again.");
        if (Seal(file with { Checksum = "" }).Checksum != file.Checksum)
            throw new InvalidDataException($"'{path}' is corrupt or was edited (its SHA-256 does not match its content); delete it and run `doc2hash index build` again.");
        CheckRun(run, file.DataFingerprint, $"{FileName}");
        return new RunTextModel(file);
    }

    /// <summary>Refuses a dataset other than the one this text model was made from.</summary>
    public void CheckDataset(HashingDataset data)
    {
        string actual = DatasetFingerprint.Compute(data);
        if (actual != DataFingerprint)
            throw new InvalidDataException(
                $"Dataset '{data.Name}' ({actual}) is not the dataset of this text model ('{Dataset}', {DataFingerprint}); hash text with the dataset the run was trained on.");
    }

    public void Save(RunFolder run) =>
        AtomicFile.WriteAllText(PathIn(run), JsonSerializer.Serialize(File, RunFolder.Json));

    private static void CheckRun(RunFolder run, string fingerprint, string what)
    {
        var expected = run.ReadConfig().DataFingerprint;
        if (expected is not null && expected != fingerprint)
            throw new InvalidDataException(
                $"The {what} has data fingerprint {fingerprint}, but run '{run.Path}' was trained on {expected} ({RunFolder.ConfigFile}); " +
                "use the dataset the run was trained on (same corpus, same preprocessing).");
    }

    /// <summary>The file with its checksum: SHA-256 of its JSON with an empty checksum field.</summary>
    private static TextModelFile Seal(TextModelFile file)
    {
        var unsealed = file with { Checksum = "" };
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(unsealed, RunFolder.Json)));
        return unsealed with { Checksum = "sha256:" + Convert.ToHexStringLower(digest) };
    }

    /// <summary>The JSON layout of text-model.json.</summary>
    private sealed record TextModelFile(
        string Format,
        int Version,
        string Dataset,
        string DataFingerprint,
        string Preprocessing,
        string TokenPattern,
        bool SublinearTf,
        bool SmoothIdf,
        bool L2Normalize,
        string[] LabelNames,
        bool MultiLabel,
        string[] Vocabulary,
        double[] Idf,
        string Checksum);
}
