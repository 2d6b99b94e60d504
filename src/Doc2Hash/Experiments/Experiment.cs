using System.Diagnostics;
using Doc2Hash.Data;
using Doc2Hash.Evaluation;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Hashing;
using Doc2Hash.IO;
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
/// Runs any catalog method inside a run folder, the same way for every method: <see cref="Train"/> writes config.json,
/// the learned state and summary.json (with timings and validation/test precision@K); <see cref="Evaluate"/>,
/// <see cref="Encode"/> and <see cref="Load"/> read the state back. Neural methods train with the <see cref="Trainer"/>
/// (metrics.csv per epoch, best/last checkpoints, epoch selected on validation, resumable); fitted methods fit in
/// one pass and save their state to state.bin. From a notebook:
/// <code>
/// var (run, summary) = Experiment.Train(MethodCatalog.Configure("vdsh", "ng20", bits: 32), data, "runs");
/// var codes = Experiment.Encode(run, data);
/// </code>
/// </summary>
public static class Experiment
{
    public const string FittedProtocol = "fitted in one pass (no model selection)";

    /// <summary>
    /// Runs <paramref name="config"/> in a new folder under <paramref name="runsDirectory"/>. For neural methods
    /// <paramref name="observe"/> sees the trainer (to subscribe to its events) and the folder before the first epoch.
    /// </summary>
    public static (RunFolder Run, RunSummary Summary) Train(RunConfig config, HashingDataset data, string runsDirectory, Action<Trainer, RunFolder>? observe = null)
    {
        config.Settings.Validate();
        CheckDevice(config);
        config = config with { DataFingerprint = DatasetFingerprint.Compute(data) };
        var started = DateTime.UtcNow;
        var run = RunFolder.Create(runsDirectory, config, started);
        return (run, Execute(run, config, data, started, resume: false, observe));
    }

    /// <summary>
    /// Finishes an interrupted run in its folder with its stored config: a neural run continues from its last
    /// checkpoint, a fitted run (which has no partial state) is fitted again. A finished run is left alone (its summary
    /// is returned, no file is touched); a failed run is an error giving its failure.
    /// </summary>
    public static RunSummary Resume(RunFolder run, HashingDataset data, Action<Trainer, RunFolder>? observe = null)
    {
        CheckResumable(run);
        if (run.IsFinished) return run.ReadSummary();
        var config = run.ReadConfig();
        CheckFingerprint(run, config, data);
        bool hasCheckpoint = File.Exists(run.LastCheckpoint);
        return Execute(run, config, data, DateTime.UtcNow, resume: hasCheckpoint, observe);
    }

    /// <summary>A failed run is never resumed: an error giving its failure (callers that load data first check this before).</summary>
    public static void CheckResumable(RunFolder run)
    {
        if (run.ReadFailure() is { } failure)
            throw new InvalidOperationException($"Run '{run.Path}' failed ({failure.Error}: {failure.Message}) and cannot be resumed; start a new run with other settings.");
    }

    /// <summary>
    /// Resolves the device of a neural run's config (CUDA on a machine without it, or an unknown name, is an error
    /// saying what to use instead); methods fitted in one pass run on the CPU whatever the device. Called before a run
    /// folder is created, so a bad device leaves nothing behind.
    /// </summary>
    public static void CheckDevice(RunConfig config)
    {
        if (MethodCatalog.Get(config.Method) is INeuralMethodEntry) TorchEnvironment.ResolveDevice(config.Device);
    }

    /// <summary>The run's learned method: the best checkpoint of a neural run, the saved state of a fitted one. Dispose it when it is IDisposable.</summary>
    public static IHashingMethod Load(RunFolder run, HashingDataset data, Device? device = null)
    {
        var config = run.ReadConfig();
        CheckFingerprint(run, config, data);
        switch (MethodCatalog.Get(config.Method))
        {
            case INeuralMethodEntry neural:
                var model = neural.Create(config.Settings, data, device ?? CPU);
                Checkpoint.Load(run.BestCheckpoint, model);
                return model;
            case IFittedMethodEntry fitted:
                if (!File.Exists(run.StateFile))
                    throw new FileNotFoundException($"Run '{run.Path}' has no {RunFolder.StateFileName}; was it interrupted? Resume it with `doc2hash train --resume`.", run.StateFile);
                using (var stream = File.OpenRead(run.StateFile)) return fitted.Load(config.Settings, stream);
            default:
                throw new InvalidOperationException($"Method '{config.Method}' is neither neural nor fitted.");
        }
    }

    /// <summary>Re-evaluates the run's learned method (codes encoded once per split); K is the depth of every @K metric.</summary>
    public static RunEvaluation Evaluate(RunFolder run, HashingDataset data, int k, Device? device = null, IReadOnlyList<int>? curveDepths = null)
    {
        var config = run.ReadConfig();
        var codes = Encode(run, data, device);
        var options = new RetrievalOptions { K = k, PrecisionCurveDepths = [.. (curveDepths ?? []).Where(d => d <= data.Train.Count)] };
        var (bestEpoch, protocol) = MethodCatalog.Get(config.Method) is INeuralMethodEntry
            ? (Checkpoint.ReadState(run.BestCheckpoint).BestEpoch + 1, SelectionProtocol(config))
            : (1, FittedProtocol);
        return new RunEvaluation(bestEpoch, protocol,
            RetrievalEvaluator.Evaluate(codes["validation"], data.Validation.Labels, codes["train"], data.Train.Labels, options),
            RetrievalEvaluator.Evaluate(codes["test"], data.Test.Labels, codes["train"], data.Train.Labels, options),
            CodeStatistics.Compute(codes["train"]));
    }

    /// <summary>Codes of every split from the run's learned method, keyed "train", "validation", "test".</summary>
    public static IReadOnlyDictionary<string, BinaryCodes> Encode(RunFolder run, HashingDataset data, Device? device = null)
    {
        var method = Load(run, data, device);
        try
        {
            return EncodeSplits(method, data);
        }
        finally
        {
            (method as IDisposable)?.Dispose();
        }
    }

    private static Dictionary<string, BinaryCodes> EncodeSplits(IHashingMethod method, HashingDataset data) => new()
    {
        ["train"] = method.Encode(data.Train.Features),
        ["validation"] = method.Encode(data.Validation.Features),
        ["test"] = method.Encode(data.Test.Features),
    };

    private static RunSummary Execute(RunFolder run, RunConfig config, HashingDataset data, DateTime started, bool resume, Action<Trainer, RunFolder>? observe) =>
        MethodCatalog.Get(config.Method) switch
        {
            INeuralMethodEntry neural => TrainNeural(neural, run, config, data, started, resume, observe),
            IFittedMethodEntry fitted => FitOnce(fitted, run, config, data, started),
            _ => throw new InvalidOperationException($"Method '{config.Method}' is neither neural nor fitted."),
        };

    private static RunSummary TrainNeural(INeuralMethodEntry method, RunFolder run, RunConfig config, HashingDataset data, DateTime started, bool resume, Action<Trainer, RunFolder>? observe)
    {
        var options = TrainerOptionsOf(config);
        var device = TorchEnvironment.ResolveDevice(config.Device);
        using var model = method.Create(config.Settings, data, device);
        var trainer = new Trainer(options);
        var history = resume ? Checkpoint.ReadState(run.LastCheckpoint).History.ToList() : [];
        trainer.EpochCompleted += (_, report) =>
        {
            history.Add(report);
            run.WriteMetrics(history, options);
        };
        observe?.Invoke(trainer, run);
        TrainingResult result;
        try
        {
            result = trainer.Fit(model, data, run.Checkpoints, resume);
        }
        catch (TrainingDivergedException diverged)
        {
            run.MarkFailed(diverged);   // failed.json: tables and resumption leave the run out
            throw;
        }
        var summary = Summary(config, device.ToString(), result.SelectionProtocol, result.BestEpoch + 1, result.History.Count,
            result.ValidationPrecision, result.TestPrecision, result.TotalSeconds,
            result.History.Count == 0 ? 0 : result.History.Average(r => r.TrainSeconds), started, resume, timings: null);
        run.WriteSummary(summary);
        return summary;
    }

    /// <summary>Fit on the training split, save the state, evaluate validation and test precision@K once: one pass, no selection.</summary>
    private static RunSummary FitOnce(IFittedMethodEntry method, RunFolder run, RunConfig config, HashingDataset data, DateTime started)
    {
        var total = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        var fitted = method.Fit(config.Settings, data);
        double fitSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        AtomicFile.Write(run.StateFile, stream => method.Save(fitted, stream), overwrite: true);   // a re-fit replaces an interrupted fit's state
        double saveSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var database = fitted.Encode(data.Train.Features);
        double validation = RetrievalMetrics.PrecisionAtK(fitted.Encode(data.Validation.Features), data.Validation.Labels, database, data.Train.Labels, config.K);
        double test = RetrievalMetrics.PrecisionAtK(fitted.Encode(data.Test.Features), data.Test.Labels, database, data.Train.Labels, config.K);
        double evaluateSeconds = clock.Elapsed.TotalSeconds;
        (fitted as IDisposable)?.Dispose();
        var summary = Summary(config, "cpu", FittedProtocol, 1, 1, validation, test, total.Elapsed.TotalSeconds, fitSeconds, started, resumed: false,
            new Dictionary<string, double> { ["fit"] = fitSeconds, ["save"] = saveSeconds, ["evaluate"] = evaluateSeconds });
        run.WriteSummary(summary);
        return summary;
    }

    private static RunSummary Summary(RunConfig config, string device, string protocol, int bestEpoch, int epochsRun, double validation, double test,
        double totalSeconds, double secondsPerEpoch, DateTime started, bool resumed, IReadOnlyDictionary<string, double>? timings) => new(
        config.Method, config.Dataset, config.Bits, config.Seed, device,
        TorchEnvironment.Describe().ToDictionary(kv => kv.Key, kv => kv.Value),
        config.DataFingerprint, protocol, config.K, bestEpoch, epochsRun, validation, test,
        totalSeconds, secondsPerEpoch, started, DateTime.UtcNow, resumed, timings);

    private static TrainerOptions TrainerOptionsOf(RunConfig config) => (config.Settings as INeuralSettings)?.Training
        ?? throw new InvalidOperationException($"Neural method '{config.Method}' has no trainer options in its settings.");

    private static string SelectionProtocol(RunConfig config) =>
        TrainerOptionsOf(config).SelectOn == SelectOn.Test ? TrainingResult.SelectedOnTestLabel : TrainingResult.SelectedOnValidationLabel;

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
