using System.Globalization;
using Doc2Hash.Evaluation;
using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Experiments.Study;
using Doc2Hash.Training;

namespace Doc2Hash.Tests.Experiments.Study;

/// <summary>
/// A run executor without any model: training writes the files a real run writes (config, metrics per epoch, a last
/// checkpoint, summary) with a test precision derived from the configuration, so the runner's bookkeeping can be
/// tested in milliseconds. Runs whose cell matches <see cref="FailWhen"/> throw after their first epoch.
/// </summary>
internal sealed class FakeRunExecutor : IRunExecutor
{
    private DateTime _clock = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public List<string> Calls { get; } = [];
    public Func<RunConfig, bool> FailWhen { get; set; } = _ => false;
    public int Queries { get; init; } = 8;

    public string Fingerprint(string dataset) => "sha256:fake-" + dataset;

    public RunFolder Train(RunConfig config, string runsDirectory, Action<RunFolder> started, Action<EpochReport> epochCompleted)
    {
        Calls.Add("train " + Describe(config));
        _clock = _clock.AddSeconds(1);
        var run = RunFolder.Create(runsDirectory, config, _clock);
        started(run);
        Epochs(run, config, 0, epochCompleted);
        return run;
    }

    public void Resume(RunFolder run, Action<EpochReport> epochCompleted)
    {
        var config = run.ReadConfig();
        Calls.Add("resume " + Describe(config));
        Epochs(run, config, MetricsTable.Read(run.Path)?.Epochs ?? 0, epochCompleted);
    }

    public void Record(RunFolder run)
    {
        var config = run.ReadConfig();
        var perQuery = Enumerable.Range(0, Queries).Select(q => new QueryScores(PrecisionOf(config) + (q % 2 == 0 ? 0.01 : -0.01), 0, 0, 0, 0, 0, default, 0, 0, 0, 0, 0)).ToArray();
        var report = new RetrievalReport(Queries, 100, config.Bits, 100, PrecisionOf(config), 0, 0, 0, 0, 2, 0, 0, 0,
            [new PrecisionAtDepth(10, 0.5), new PrecisionAtDepth(100, PrecisionOf(config))], perQuery);
        var bits = Enumerable.Range(0, 4 * config.Bits).Select(i => (byte)((i / config.Bits + i % config.Bits) % 2)).ToArray();
        var codes = Doc2Hash.Retrieval.BinaryCodes.FromBits(4, config.Bits, bits);
        RunResults.Write(run.Path, report, CodeStatistics.Compute(codes));
    }

    /// <summary>A deterministic stand-in for P@100: grows with bits, differs by seed and KL form.</summary>
    public static double PrecisionOf(RunConfig config) =>
        0.3 + 0.001 * config.Bits + 0.01 * config.Seed + (config.Option(StudyCatalog.KlFormOption) == "per-bit" ? -0.2 : 0);

    private void Epochs(RunFolder run, RunConfig config, int from, Action<EpochReport> epochCompleted)
    {
        Directory.CreateDirectory(run.Checkpoints);
        File.WriteAllBytes(run.LastCheckpoint, [1]);
        var history = Enumerable.Range(0, from).Select(e => Report(e)).ToList();
        for (int epoch = from; epoch < StudyCatalog.Epochs(config); epoch++)
        {
            history.Add(Report(epoch));
            run.WriteMetrics(history, ((INeuralSettings)config.Settings).Training);
            epochCompleted(history[^1]);
            if (FailWhen(config)) throw new InvalidOperationException($"simulated failure of {Describe(config)}");
        }
        run.WriteSummary(new RunSummary(config.Method, config.Dataset, config.Bits, config.Seed, "cpu", new Dictionary<string, string>(),
            config.DataFingerprint, TrainingResult.SelectedOnValidationLabel, 100, StudyCatalog.Epochs(config), StudyCatalog.Epochs(config),
            PrecisionOf(config), PrecisionOf(config), 1, 0.5, _clock, _clock.AddSeconds(1), from > 0));
    }

    private static EpochReport Report(int epoch) =>
        new(epoch, 0.5, 0.1, new Dictionary<string, double> { ["kl"] = 1.0 / (epoch + 1) }, new Dictionary<string, double>(), 0.1 * (epoch + 1), true);

    private static string Describe(RunConfig c) =>
        string.Create(CultureInfo.InvariantCulture, $"{c.Dataset} {c.Method} {c.Bits}b seed{c.Seed} {c.Option(StudyCatalog.KlFormOption)}");
}
