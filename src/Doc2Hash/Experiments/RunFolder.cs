using Doc2Hash.IO;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Training;

namespace Doc2Hash.Experiments;

/// <summary>
/// One run's folder: <c>runs/&lt;dataset&gt;/&lt;method&gt;-&lt;bits&gt;b-seed&lt;seed&gt;-&lt;yyyyMMdd-HHmmss&gt;/</c> with config.json,
/// metrics.csv (one row per epoch, neural methods), summary.json, and the learned state: checkpoints/{best,last}.bin for
/// neural methods, state.bin for methods fitted in one pass. A new run never reuses an existing folder; JSON and CSV
/// files are written atomically; failed.json marks a run that failed (e.g. diverged).
/// </summary>
public sealed class RunFolder
{
    public const string ConfigFile = "config.json";
    public const string MetricsFile = "metrics.csv";
    public const string SummaryFile = "summary.json";
    public const string CheckpointsFolder = "checkpoints";
    public const string StateFileName = "state.bin";
    public const string FailedFile = "failed.json";

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(), new MethodSettingsConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private RunFolder(string path) => Path = System.IO.Path.GetFullPath(path);

    public string Path { get; }
    public string Checkpoints => System.IO.Path.Combine(Path, CheckpointsFolder);
    public string BestCheckpoint => System.IO.Path.Combine(Checkpoints, Trainer.BestCheckpointName);
    public string LastCheckpoint => System.IO.Path.Combine(Checkpoints, Trainer.LastCheckpointName);

    /// <summary>The learned state of a method fitted in one pass (written by its catalog entry's Save).</summary>
    public string StateFile => System.IO.Path.Combine(Path, StateFileName);

    /// <summary>The folder name of a run: &lt;method&gt;-&lt;bits&gt;b-seed&lt;seed&gt;-&lt;yyyyMMdd-HHmmss&gt; (UTC).</summary>
    public static string NameOf(RunConfig config, DateTime startedUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{config.Method}-{config.Bits}b-seed{config.Seed}-{startedUtc:yyyyMMdd-HHmmss}");

    /// <summary>
    /// The folder under the runs folder that holds a dataset's runs: its name ("ng20"), or, for a corpus given by its
    /// path (a user corpus folder or file, a .mat file), that folder's or file's name without extension. A path is never
    /// combined as is: an absolute one would replace the runs folder, and a folder corpus would receive the run folder
    /// and read it as a new label on the next prepare.
    /// </summary>
    public static string DatasetFolderName(string dataset)
    {
        bool isPath = System.IO.Path.IsPathRooted(dataset) || dataset.IndexOfAny(['/', '\\']) >= 0 || System.IO.Path.HasExtension(dataset) || dataset is "." or "..";
        if (!isPath) return dataset;
        string name = System.IO.Path.GetFileNameWithoutExtension(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(dataset)));
        return name.Length == 0 ? "corpus" : name;
    }

    /// <summary>
    /// Creates a new run folder under runsDirectory/&lt;dataset folder&gt; (<see cref="DatasetFolderName"/>) and writes
    /// config.json. An existing folder is never reused: when runs of the same method, bits and seed start in the same
    /// second (fast runs of a grid that differ only in an ablation variant, or two processes), the later one gets the
    /// suffix -2, -3, ... The folder is claimed by writing its config.json without overwriting, so two processes
    /// racing for one name cannot both get it.
    /// </summary>
    public static RunFolder Create(string runsDirectory, RunConfig config, DateTime startedUtc)
    {
        var parent = System.IO.Path.Combine(runsDirectory, DatasetFolderName(config.Dataset));
        string name = NameOf(config, startedUtc);
        string json = JsonSerializer.Serialize(config, Json);
        for (int attempt = 1; attempt <= MaxSameSecondRuns; attempt++)
        {
            var path = System.IO.Path.Combine(parent, attempt == 1 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}-{attempt}"));
            if (Directory.Exists(path) || File.Exists(path)) continue;
            Directory.CreateDirectory(path);
            var configPath = System.IO.Path.Combine(path, ConfigFile);
            try
            {
                AtomicFile.Write(configPath, stream => stream.Write(Encoding.UTF8.GetBytes(json)), overwrite: false);
            }
            catch (IOException) when (File.Exists(configPath))
            {
                continue;   // another process claimed this folder between our check and our write
            }
            return new RunFolder(path);
        }
        throw new IOException($"{MaxSameSecondRuns} run folders named '{name}' (with suffixes) already exist under '{System.IO.Path.GetFullPath(parent)}'; " +
                              "runs are never overwritten. Choose another --runs-dir or remove runs you no longer need.");
    }

    /// <summary>How many runs of one method, bits and seed may start within the same second before creation is refused.</summary>
    public const int MaxSameSecondRuns = 1000;

    /// <summary>Opens an existing run folder (it must contain config.json).</summary>
    public static RunFolder Open(string path)
    {
        var folder = new RunFolder(path);
        if (!File.Exists(System.IO.Path.Combine(folder.Path, ConfigFile)))
            throw new DirectoryNotFoundException($"'{folder.Path}' is not a run folder: it has no {ConfigFile}. Pass the folder that `doc2hash train` printed.");
        return folder;
    }

    /// <summary>The run's configuration; legacy (Doc2hash-only) config.json files are upgraded on the fly (<see cref="LegacyRunConfig"/>).</summary>
    public RunConfig ReadConfig() => Read<RunConfig>(ConfigFile, LegacyRunConfig.Upgrade);

    /// <summary>Whether the run was marked failed: its checkpoints and metrics are not a result.</summary>
    public bool IsFailed => File.Exists(System.IO.Path.Combine(Path, FailedFile));

    /// <summary>
    /// Marks the run failed by writing failed.json (the error's type and message, and the time), atomically, so tables
    /// and resumption leave it out.
    /// </summary>
    public void MarkFailed(Exception error) =>
        AtomicFile.WriteAllText(System.IO.Path.Combine(Path, FailedFile),
            JsonSerializer.Serialize(new RunFailure(error.GetType().Name, error.Message, DateTime.UtcNow), Json));

    /// <summary>Why the run failed, or null when it is not marked failed.</summary>
    public RunFailure? ReadFailure() => IsFailed ? Read<RunFailure>(FailedFile) : null;

    /// <summary>Whether the run finished: it wrote summary.json and is not marked failed. A finished run is never resumed.</summary>
    public bool IsFinished => File.Exists(System.IO.Path.Combine(Path, SummaryFile)) && !IsFailed;

    public RunSummary ReadSummary() => Read<RunSummary>(SummaryFile);

    public void WriteSummary(RunSummary summary) =>
        AtomicFile.WriteAllText(System.IO.Path.Combine(Path, SummaryFile), JsonSerializer.Serialize(summary, Json));

    /// <summary>
    /// Rewrites metrics.csv from the whole history: epoch (1-based), train and eval seconds, the mean of every loss
    /// term, every schedule value at the epoch's end and the selection split's precision@K.
    /// </summary>
    public void WriteMetrics(IReadOnlyList<EpochReport> history, TrainerOptions options)
    {
        var lossNames = history.SelectMany(r => r.Loss.Keys).Distinct().ToArray();
        var scheduleNames = history.SelectMany(r => r.Schedules.Keys).Distinct().ToArray();
        string precision = $"{(options.SelectOn == SelectOn.Test ? "test" : "validation")}_p@{options.K}";
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", new[] { "epoch", "train_seconds", "eval_seconds" }
            .Concat(lossNames.Select(n => $"loss_{n}")).Concat(scheduleNames).Append(precision)));
        foreach (var report in history)
        {
            var cells = new[] { (report.Epoch + 1).ToString(CultureInfo.InvariantCulture), Number(report.TrainSeconds), Number(report.EvalSeconds) }
                .Concat(lossNames.Select(n => report.Loss.TryGetValue(n, out var v) ? Number(v) : ""))
                .Concat(scheduleNames.Select(n => report.Schedules.TryGetValue(n, out var v) ? Number(v) : ""))
                .Append(Number(report.SelectionPrecision));
            csv.AppendLine(string.Join(",", cells));
        }
        AtomicFile.WriteAllText(System.IO.Path.Combine(Path, MetricsFile), csv.ToString());
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private T Read<T>(string file, Func<JsonNode, JsonNode>? upgrade = null)
    {
        var path = System.IO.Path.Combine(Path, file);
        if (!File.Exists(path)) throw new FileNotFoundException($"Run folder '{Path}' has no {file} (was the run interrupted before writing it?).", path);
        try
        {
            var node = JsonNode.Parse(File.ReadAllText(path)) ?? throw new DataFormatException($"'{path}' is empty.");
            return (upgrade is null ? node : upgrade(node)).Deserialize<T>(Json)
                ?? throw new DataFormatException($"'{path}' is empty.");
        }
        catch (JsonException e)
        {
            throw new DataFormatException($"'{path}' is not valid {typeof(T).Name} JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
    }
}
