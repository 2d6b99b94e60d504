using Doc2Hash.Data;
using Doc2Hash.Training;

namespace Doc2Hash.Experiments.Study;

/// <summary>
/// The study's executor for every catalog method: datasets are loaded once each through <paramref name="load"/>,
/// runs are trained (or fitted) and resumed with <see cref="Experiment"/>, results recorded with <see cref="RunResults"/>.
/// </summary>
public sealed class ExperimentRunExecutor(Func<string, HashingDataset> load) : IRunExecutor
{
    private readonly Dictionary<string, (HashingDataset Data, string Fingerprint)> _datasets = new(StringComparer.Ordinal);

    /// <summary>Called with every neural run's trainer before its first epoch (e.g. to attach a progress bar).</summary>
    public Action<Trainer>? AttachTrainer { get; init; }

    public string Fingerprint(string dataset) => Get(dataset).Fingerprint;

    public RunFolder Train(RunConfig config, string runsDirectory, Action<RunFolder> started, Action<EpochReport> epochCompleted)
    {
        var data = Get(config.Dataset);
        if (config.DataFingerprint is { } expected && expected != data.Fingerprint)
            throw new InvalidDataException($"Dataset '{config.Dataset}' changed while the study was running ({data.Fingerprint} vs {expected}).");
        var (run, _) = Experiment.Train(config with { DataFingerprint = null }, data.Data, runsDirectory, (trainer, folder) =>
        {
            started(folder);
            Observe(trainer, epochCompleted);
        });
        return run;
    }

    public void Resume(RunFolder run, Action<EpochReport> epochCompleted) =>
        Experiment.Resume(run, Get(run.ReadConfig().Dataset).Data, (trainer, _) => Observe(trainer, epochCompleted));

    public void Record(RunFolder run) => RunResults.Record(run, Get(run.ReadConfig().Dataset).Data);

    private void Observe(Trainer trainer, Action<EpochReport> epochCompleted)
    {
        AttachTrainer?.Invoke(trainer);
        trainer.EpochCompleted += (_, report) => epochCompleted(report);
    }

    private (HashingDataset Data, string Fingerprint) Get(string dataset)
    {
        if (!_datasets.TryGetValue(dataset, out var entry))
        {
            var data = load(dataset);
            _datasets[dataset] = entry = (data, DatasetFingerprint.Compute(data));
        }
        return entry;
    }
}
