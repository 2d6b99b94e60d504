using Doc2Hash.Data;
using Doc2Hash.Evaluation;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Retrieval;
using Doc2Hash.Training;
using static TorchSharp.torch;

namespace Doc2Hash.Experiments;

/// <summary>
/// The selected checkpoint re-evaluated from a run folder: full retrieval reports (precision@K, tie-aware precision,
/// mAP, NDCG, radius-2 precision, a precision curve) for validation and test queries against the training database,
/// and statistics of the training codes (bit usage, entropy, correlation, distinct codes).
/// </summary>
public sealed record RunEvaluation(int BestEpoch, string SelectionProtocol, RetrievalReport Validation, RetrievalReport Test, CodeStatistics TrainCodes)
{
    public int K => Test.K;
    public double ValidationPrecision => Validation.PrecisionAtK;
    public double TestPrecision => Test.PrecisionAtK;
}

/// <summary>
/// Runs neural methods inside run folders: build the model from a <see cref="RunConfig"/> (seeding its
/// initialisation), train with the <see cref="Trainer"/> while keeping metrics.csv current, write summary.json (or, when
/// the loss diverges, failed.json); resume an interrupted run; reload the best checkpoint to evaluate or encode.
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
        if (run.ReadFailure() is { } failure)
            throw new InvalidOperationException($"Run '{run.Path}' failed ({failure.Message}) and cannot be resumed; start a new run with other settings.");
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

    /// <summary>Re-evaluates the best checkpoint (codes encoded once per split); K is the depth of every @K metric.</summary>
    public static RunEvaluation Evaluate(RunFolder run, HashingDataset data, int k, Device device, IReadOnlyList<int>? curveDepths = null)
    {
        var config = run.ReadConfig();
        var state = Checkpoint.ReadState(run.BestCheckpoint);
        var codes = Encode(run, data, device);
        var options = new RetrievalOptions { K = k, PrecisionCurveDepths = [.. (curveDepths ?? []).Where(d => d <= data.Train.Count)] };
        var protocol = config.Training.SelectOn == SelectOn.Test ? TrainingResult.SelectedOnTestLabel : TrainingResult.SelectedOnValidationLabel;
        return new RunEvaluation(state.BestEpoch + 1, protocol,
            RetrievalEvaluator.Evaluate(codes["validation"], data.Validation.Labels, codes["train"], data.Train.Labels, options),
            RetrievalEvaluator.Evaluate(codes["test"], data.Test.Labels, codes["train"], data.Train.Labels, options),
            CodeStatistics.Compute(codes["train"]));
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
        TrainingResult result;
        try
        {
            result = trainer.Fit(model, data, run.Checkpoints, resume);
        }
        catch (TrainingDivergedException diverged)
        {
            run.MarkFailed(diverged);
            throw;
        }
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
