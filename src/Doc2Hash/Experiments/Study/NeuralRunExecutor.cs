using Doc2Hash.Data;
using Doc2Hash.Training;

namespace Doc2Hash.Experiments.Study;

/// <summary>
/// The study's executor for the neural methods: datasets are loaded once each through <paramref name="load"/>,
/// runs are trained and resumed with <see cref="NeuralExperiment"/>, results recorded with <see cref="RunResults"/>.
/// </summary>
public sealed class NeuralRunExecutor(Func<string, HashingDataset> load) : IRunExecutor
{
    private readonly Dictionary<string, (HashingDataset Data, string Fingerprint)> _datasets = new(StringComparer.Ordinal);

    public string Fingerprint(string dataset) => Get(dataset).Fingerprint;

    public RunFolder Train(RunConfig config, string runsDirectory, Action<RunFolder> started, Action<EpochReport> epochCompleted)
    {
        var data = Get(config.Dataset);
        if (config.DataFingerprint is { } expected && expected != data.Fingerprint)
            throw new InvalidDataException($"Dataset '{config.Dataset}' changed while the study was running ({data.Fingerprint} vs {expected}).");
        var (run, _) = NeuralExperiment.Train(config with { DataFingerprint = null }, data.Data, runsDirectory, (trainer, folder) =>
        {
            started(folder);
            trainer.EpochCompleted += (_, report) => epochCompleted(report);
        });
        return run;
    }

    public void Resume(RunFolder run, Action<EpochReport> epochCompleted) =>
        NeuralExperiment.Resume(run, Get(run.ReadConfig().Dataset).Data, (trainer, _) => trainer.EpochCompleted += (_, report) => epochCompleted(report));

    public void Record(RunFolder run) => RunResults.Record(run, Get(run.ReadConfig().Dataset).Data);

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
