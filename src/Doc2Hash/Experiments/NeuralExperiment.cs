using Doc2Hash.Data;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Retrieval;
using Doc2Hash.Training;
using static TorchSharp.torch;

namespace Doc2Hash.Experiments;

/// <summary>The selected checkpoint's precision@K, recomputed from a run folder.</summary>
public sealed record RunEvaluation(int K, double ValidationPrecision, double TestPrecision, int BestEpoch, string SelectionProtocol);

/// <summary>
/// Runs neural methods inside run folders: build the model from a <see cref="RunConfig"/> (seeding its
/// initialisation), train with the <see cref="Trainer"/> while keeping metrics.csv current, write summary.json;
/// resume an interrupted run; reload the best checkpoint to evaluate or encode.
/// </summary>
public static class NeuralExperiment
{
    /// <summary>Builds the model a run describes, with initial weights drawn from the run's seed.</summary>
    public static ITrainableHasher CreateModel(RunConfig config, HashingDataset data, Device device)
    {
        return config.Method switch
        {
            Doc2HashPresets.Doc2HashMethod => new Doc2HashModel(config.Model, data.VocabularySize, config.Seed, device),
            Doc2HashPresets.Doc2HashSupervisedMethod => new Doc2HashSupervised(
                config.Model, config.LabelHead ?? new LabelHeadConfig(), data.VocabularySize, data.LabelCount, data.IsMultiLabel, config.Seed, device),
            _ => throw new ArgumentException($"Unknown method '{config.Method}'. Known neural methods: {string.Join(", ", Doc2HashPresets.Methods)}."),
        };
    }

    /// <summary>
    /// Trains a new run in a new folder under <paramref name="runsDirectory"/>. <paramref name="observe"/> sees the
    /// trainer (to subscribe to its events) and the run folder before the first epoch.
    /// </summary>
    public static (RunFolder Run, RunSummary Summary) Train(RunConfig config, HashingDataset data, string runsDirectory, Action<Trainer, RunFolder>? observe = null)
    {
        config = config with { DataFingerprint = DatasetFingerprint.Compute(data) };
        var started = DateTime.UtcNow;
        var run = RunFolder.Create(runsDirectory, config, started);
        return (run, Fit(run, config, data, started, resume: false, observe));
    }

    /// <summary>Continues an interrupted run from its last checkpoint, in the same folder, with its stored config.</summary>
    public static RunSummary Resume(RunFolder run, HashingDataset data, Action<Trainer, RunFolder>? observe = null)
    {
        var config = run.ReadConfig();
        CheckFingerprint(run, config, data);
        return Fit(run, config, data, DateTime.UtcNow, resume: true, observe);
    }

    /// <summary>Loads the best checkpoint of a run into a fresh model on <paramref name="device"/>.</summary>
    public static ITrainableHasher LoadBest(RunFolder run, HashingDataset data, Device device)
    {
        var config = run.ReadConfig();
        CheckFingerprint(run, config, data);
        var model = CreateModel(config, data, device);
        Checkpoint.Load(run.BestCheckpoint, model);
        return model;
    }

    /// <summary>Recomputes validation and test precision@K of the best checkpoint.</summary>
    public static RunEvaluation Evaluate(RunFolder run, HashingDataset data, int k, Device device)
    {
        var config = run.ReadConfig();
        var state = Checkpoint.ReadState(run.BestCheckpoint);
        using var model = LoadBest(run, data, device);
        var trainer = new Trainer(config.Training with { K = k });
        var protocol = config.Training.SelectOn == SelectOn.Test ? TrainingResult.SelectedOnTestLabel : TrainingResult.SelectedOnValidationLabel;
        return new RunEvaluation(k, trainer.Precision(model, data, data.Validation), trainer.Precision(model, data, data.Test), state.BestEpoch + 1, protocol);
    }

    /// <summary>Codes of every split from the best checkpoint, keyed "train", "validation", "test".</summary>
    public static IReadOnlyDictionary<string, BinaryCodes> Encode(RunFolder run, HashingDataset data, Device device)
    {
        using var model = LoadBest(run, data, device);
        return new Dictionary<string, BinaryCodes>
        {
            ["train"] = model.Encode(data.Train.Features),
            ["validation"] = model.Encode(data.Validation.Features),
            ["test"] = model.Encode(data.Test.Features),
        };
    }

    private static RunSummary Fit(RunFolder run, RunConfig config, HashingDataset data, DateTime started, bool resume, Action<Trainer, RunFolder>? observe)
    {
        var device = TorchEnvironment.ResolveDevice(config.Device);
        using var model = CreateModel(config, data, device);
        var trainer = new Trainer(config.Training);
        var history = resume ? Checkpoint.ReadState(run.LastCheckpoint).History.ToList() : [];
        trainer.EpochCompleted += (_, report) =>
        {
            history.Add(report);
            run.WriteMetrics(history, config.Training);
        };
        observe?.Invoke(trainer, run);
        var result = trainer.Fit(model, data, run.Checkpoints, resume);
        var summary = new RunSummary(
            config.Method, config.Dataset, config.Bits, config.Seed, device.ToString(),
            TorchEnvironment.Describe().ToDictionary(kv => kv.Key, kv => kv.Value),
            config.DataFingerprint, result.SelectionProtocol, result.K,
            result.BestEpoch + 1, result.History.Count, result.ValidationPrecision, result.TestPrecision,
            result.TotalSeconds, result.History.Count == 0 ? 0 : result.History.Average(r => r.TrainSeconds),
            started, DateTime.UtcNow, resume);
        run.WriteSummary(summary);
        return summary;
    }

    private static void CheckFingerprint(RunFolder run, RunConfig config, HashingDataset data)
    {
        if (config.DataFingerprint is null) return;
        var actual = DatasetFingerprint.Compute(data);
        if (actual != config.DataFingerprint)
            throw new InvalidDataException(
                $"Dataset '{data.Name}' differs from the data run '{run.Path}' was trained on ({actual} vs {config.DataFingerprint} in {RunFolder.ConfigFile}). " +
                "Prepare the dataset with the same settings, or train a new run.");
    }
}
