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
        Assert.Equal("epoch,train_seconds,eval_seconds,loss_total,loss_reconstruction,loss_kl,loss_kl_per_bit,loss_collapsed_bits,tau,kl_weight,validation_p@10", metrics[0]);
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
    [BadInput("run folder", "a new run whose folder name is taken (same method, bits, seed and second)", "a new folder with the suffix -2, -3, ...; the existing folder is untouched")]
    public void An_existing_run_folder_is_never_overwritten_a_same_second_run_gets_a_suffix()
    {
        var runs = TempRuns();
        var started = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var first = RunFolder.Create(runs, Quick(), started);
        string firstConfig = File.ReadAllText(Path.Combine(first.Path, RunFolder.ConfigFile));
        File.WriteAllText(Path.Combine(first.Path, "marker.txt"), "kept");

        var second = RunFolder.Create(runs, Quick(epochs: 7), started);
        var third = RunFolder.Create(runs, Quick(), started);

        Assert.Equal("doc2hash-8b-seed1-20260102-030405", Path.GetFileName(first.Path));
        Assert.Equal("doc2hash-8b-seed1-20260102-030405-2", Path.GetFileName(second.Path));
        Assert.Equal("doc2hash-8b-seed1-20260102-030405-3", Path.GetFileName(third.Path));
        Assert.Equal(firstConfig, File.ReadAllText(Path.Combine(first.Path, RunFolder.ConfigFile)));
        Assert.Equal("kept", File.ReadAllText(Path.Combine(first.Path, "marker.txt")));
        Assert.NotEqual(firstConfig, File.ReadAllText(Path.Combine(second.Path, RunFolder.ConfigFile)));   // its own config, not the first run's
    }

    [Fact]
    public void A_file_in_the_way_of_a_run_folder_name_is_skipped_not_replaced()
    {
        var runs = TempRuns();
        var started = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        string blocker = Path.Combine(runs, "tiny", "doc2hash-8b-seed1-20260102-030405");
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        File.WriteAllText(blocker, "not a run");
        var run = RunFolder.Create(runs, Quick(), started);
        Assert.EndsWith("-2", run.Path);
        Assert.Equal("not a run", File.ReadAllText(blocker));
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
    [BadInput("run folder", "training interrupted after an epoch (cancelled)", "no summary written; resume continues at the next epoch and finishes")]
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
    [BadInput("run evaluation", "evaluating a run on a dataset other than the one it was trained on", "InvalidDataException: Dataset '...' differs from the data run '...' was trained on")]
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

    [Fact]
    [BadInput("run folder", "a run whose loss diverges (learning rate 1e30: finite and valid, Adam's first update overflows the weights)", "TrainingDivergedException; the folder gets failed.json, no summary; report scans skip it; resume refuses it")]
    public void A_diverged_run_is_marked_failed_left_out_of_scans_and_not_resumable()
    {
        var config = Quick(epochs: 2);
        var settings = (NeuralSettings<Doc2HashConfig>)config.Settings;
        string runs = TempRuns();
        // A NaN learning rate no longer gets this far: settings are validated before the run folder is created.
        var nan = config with { Settings = settings with { Training = settings.Training with { LearningRate = double.NaN } } };
        Assert.Contains("--lr is NaN", Assert.Throws<ArgumentException>(() => Experiment.Train(nan, TinyCorpus.Topics(train: 100), runs)).Message);
        Assert.False(Directory.Exists(runs));
        config = config with { Settings = settings with { Training = settings.Training with { LearningRate = 1e30 } } };
        RunFolder? folder = null;
        var error = Assert.Throws<TrainingDivergedException>(() => Experiment.Train(config, TinyCorpus.Topics(train: 100), runs, (_, run) => folder = run));

        Assert.NotNull(folder);
        Assert.True(folder.IsFailed);
        var failure = folder.ReadFailure()!;
        Assert.Equal((nameof(TrainingDivergedException), error.Message), (failure.Error, failure.Message));
        Assert.False(File.Exists(Path.Combine(folder.Path, RunFolder.SummaryFile)));
        Assert.Empty(RunRecord.Scan(runs));
        var record = Assert.Single(RunRecord.Scan(runs, includeUnfinished: true));
        Assert.True(record.Failed);
        Assert.False(record.Finished);
        var resume = Assert.Throws<InvalidOperationException>(() => Experiment.Resume(folder, TinyCorpus.Topics(train: 100)));
        Assert.Contains("cannot be resumed", resume.Message);
    }

    [Fact]
    [BadInput("run evaluation", "evaluating a run whose best.bin has 400 KB-style damage (a third of the file zeroed)", "DataFormatException naming best.bin (SHA-256 mismatch) instead of a silent P@100 of 0.05")]
    public void Evaluating_a_run_with_a_damaged_best_checkpoint_fails_instead_of_giving_a_number()
    {
        var data = TinyCorpus.Topics(train: 100);
        var (run, _) = Experiment.Train(Quick(epochs: 1), data, TempRuns());
        using (var file = File.OpenWrite(run.BestCheckpoint))
        {
            file.Position = file.Length / 3;
            file.Write(new byte[file.Length / 3]);
        }
        var error = Assert.Throws<Doc2Hash.IO.DataFormatException>(() => Experiment.Evaluate(run, data, 10, CPU));
        Assert.Contains(run.BestCheckpoint, error.Message);
    }
}
