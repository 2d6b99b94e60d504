using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Training;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Experiments;

public class ExperimentTests
{
    private static RunConfig Quick(string method = Doc2HashMethod.MethodName, int epochs = 2) =>
        MethodCatalog.Configure(method, "tiny", bits: 8, new Dictionary<string, string>
        {
            ["hidden-size"] = "32", ["epochs"] = $"{epochs}", ["batch-size"] = "50", ["lr"] = "0.005", ["k"] = "10",
        });

    private static string TempRuns() => Path.Combine(Path.GetTempPath(), "doc2hash-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_run_writes_config_metrics_summary_and_both_checkpoints()
    {
        var data = TinyCorpus.Topics(train: 200);
        var (run, summary) = Experiment.Train(Quick(), data, TempRuns());

        Assert.Matches(@"tiny[/\\]doc2hash-8b-seed1-\d{8}-\d{6}$", run.Path);
        Assert.Equal(Quick() with { DataFingerprint = DatasetFingerprint.Compute(data) }, run.ReadConfig());
        var metrics = File.ReadAllLines(Path.Combine(run.Path, RunFolder.MetricsFile));
        Assert.Equal("epoch,train_seconds,eval_seconds,loss_total,loss_reconstruction,loss_kl,tau,validation_p@10", metrics[0]);
        Assert.Equal(3, metrics.Length);   // header + 2 epochs
        Assert.True(File.Exists(run.BestCheckpoint) && File.Exists(run.LastCheckpoint));
        var stored = run.ReadSummary();
        Assert.Equal(summary with { Versions = stored.Versions }, stored);
        Assert.Equal(summary.Versions, stored.Versions);
        Assert.Equal("selected on validation", summary.SelectionProtocol);
        Assert.Contains("libtorch", summary.Versions.Keys);
        Assert.Empty(Directory.GetFiles(run.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_existing_run_folder_is_never_overwritten()
    {
        var runs = TempRuns();
        var started = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        RunFolder.Create(runs, Quick(), started);
        var error = Assert.Throws<IOException>(() => RunFolder.Create(runs, Quick(), started));
        Assert.Contains("doc2hash-8b-seed1-20260102-030405", error.Message);
        Assert.Contains("never overwritten", error.Message);
    }

    [Fact]
    public void Evaluating_a_run_reproduces_the_metrics_in_its_summary()
    {
        var data = TinyCorpus.Topics(train: 200);
        var (run, summary) = Experiment.Train(Quick(Doc2HashSupervisedMethod.MethodName), data, TempRuns());
        var evaluation = Experiment.Evaluate(run, data, k: 10, CPU);
        Assert.Equal(summary.ValidationPrecision, evaluation.ValidationPrecision, 12);
        Assert.Equal(summary.TestPrecision, evaluation.TestPrecision, 12);
        Assert.Equal(summary.BestEpoch, evaluation.BestEpoch);
        Assert.Equal(data.Test.Count, Experiment.Encode(run, data, CPU)["test"].Count);
    }

    [Fact]
    public void An_interrupted_run_resumes_in_its_folder_and_finishes_every_epoch()
    {
        var data = TinyCorpus.Topics(train: 200);
        var runs = TempRuns();
        RunFolder? interrupted = null;
        Assert.Throws<OperationCanceledException>(() => Experiment.Train(Quick(epochs: 3), data, runs, (trainer, _) =>
            trainer.EpochCompleted += (_, report) => { if (report.Epoch == 0) throw new OperationCanceledException("simulated crash"); }));
        interrupted = RunFolder.Open(Directory.GetDirectories(Path.Combine(runs, "tiny")).Single());
        Assert.False(File.Exists(Path.Combine(interrupted.Path, RunFolder.SummaryFile)));

        var resumedEpochs = new List<int>();
        var summary = Experiment.Resume(interrupted, data, (trainer, _) => trainer.EpochCompleted += (_, r) => resumedEpochs.Add(r.Epoch));
        Assert.Equal([1, 2], resumedEpochs);
        Assert.Equal(3, summary.EpochsRun);
        Assert.True(summary.Resumed);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(interrupted.Path, RunFolder.MetricsFile)).Length);
    }

    [Fact]
    public void A_run_refuses_a_dataset_that_differs_from_the_one_it_was_trained_on()
    {
        var (run, _) = Experiment.Train(Quick(epochs: 1), TinyCorpus.Topics(train: 100), TempRuns());
        var error = Assert.Throws<InvalidDataException>(() => Experiment.Evaluate(run, TinyCorpus.Topics(train: 100, seed: 2), 10, CPU));
        Assert.Contains("differs from the data", error.Message);
    }

    [Fact]
    public void Presets_carry_the_authors_hyperparameters()
    {
        var unsupervised = new Doc2HashMethod().Preset(32);
        Assert.Equal((5e-4, 100, 100, 0.2, 2.0, 500), (unsupervised.Training.LearningRate, unsupervised.Training.BatchSize, unsupervised.Training.Epochs,
            unsupervised.Model.Dropout, unsupervised.Model.KlWeight, unsupervised.Model.HiddenSize));
        Assert.Equal((1.0, 0.96, 0.1), (unsupervised.Model.Temperature.Initial, unsupervised.Model.Temperature.Rate, unsupervised.Model.Temperature.Floor));
        var supervised = new Doc2HashSupervisedMethod().Preset(32);
        Assert.Equal((1e-4, 0.0, 0.2, WeightInit.XavierUniform, 0.01), (supervised.Training.LearningRate, supervised.Model.Dropout,
            supervised.Model.Temperature.Initial, supervised.Model.Init, supervised.Model.BiasFill));
    }
}
