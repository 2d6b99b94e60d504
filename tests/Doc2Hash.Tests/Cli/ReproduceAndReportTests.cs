using Doc2Hash.Cli.Commands;
using Doc2Hash.Data;
using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Experiments.Study;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Reporting;
using Doc2Hash.Tests.Data;
using Doc2Hash.Tests.Reporting.Tables;
using Doc2Hash.Tests.TestSupport;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Cli;

/// <summary>
/// Doc2hash with a learning rate of 1e30: a valid, finite setting, but Adam's first update (about lr in size) makes
/// the weights overflow, so training diverges within the first steps (the issue's `--lr 1e6`, made certain).
/// </summary>
public sealed class DivergingDoc2HashMethod : NeuralMethod<Doc2HashConfig>
{
    public const string MethodName = "test-diverging-doc2hash";
    public override string Name => MethodName;
    public override string Paper => "test only";
    public override bool IsSupervised => false;
    public override string PresetSource => "Doc2hash's preset with lr 1e30 and 32 hidden units";

    public override NeuralSettings<Doc2HashConfig> Preset(int bits)
    {
        var preset = new Doc2HashMethod().Preset(bits);
        return preset with { Model = preset.Model with { HiddenSize = 32 }, Training = preset.Training with { LearningRate = 1e30 } };
    }

    protected override ITrainableHasher Create(NeuralSettings<Doc2HashConfig> settings, HashingDataset data, Device device) =>
        new Doc2HashModel(settings.Model, data.VocabularySize, settings.Seed, device);
}

/// <summary>`reproduce` records a diverged cell as failed and goes on; `report` lists every hyperparameter that differs from the preset and names the folders it read.</summary>
public class ReproduceAndReportTests
{
    [Fact]
    [BadInput("reproduce", "a cell whose training diverges", "cell marked failed (failed.json), the other cells run, tables regenerated; exit 1 with one paragraph: error: 1 of 2 runs failed ...: <cell> (Training diverged ...). ... and run again. No stack trace")]
    public void A_diverging_cell_is_recorded_as_failed_the_study_goes_on_and_the_exit_code_says_so()
    {
        MethodCatalog.Register(new DivergingDoc2HashMethod());
        using var temp = new TempFolder();
        var error = new StringWriter();
        var console = Console.Error;
        int code;
        Console.SetError(error);
        try
        {
            code = Cli.Invoke(ReproduceCommand.Create(), "--datasets", NeuralRunSupport.SyntheticSmall, "--methods", $"{DivergingDoc2HashMethod.MethodName},lsh",
                "--bits", "8", "--seeds", "1", "--ablations", "none", "--runs-dir", temp.File("runs"), "--records-dir", temp.File("results/runs"), "--results-dir", temp.File("results"));
        }
        finally
        {
            Console.SetError(console);
        }

        Assert.Equal(CliErrors.Failed, code);
        var runs = Directory.GetDirectories(temp.File($"runs/{NeuralRunSupport.SyntheticSmall}")).Select(RunFolder.Open).ToList();
        var failed = Assert.Single(runs, r => r.IsFailed);
        Assert.Equal(DivergingDoc2HashMethod.MethodName, failed.ReadConfig().Method);
        Assert.Equal(nameof(Doc2Hash.Training.TrainingDivergedException), failed.ReadFailure()!.Error);
        Assert.True(Assert.Single(runs, r => !r.IsFailed).IsFinished);   // the other cell ran after the failure
        Assert.True(File.Exists(temp.File("results/tables/index.md")));
        string summary = Assert.Single(error.ToString().Split('\n'), l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.StartsWith($"error: 1 of 2 runs failed and are recorded as failed (left out of the tables): {NeuralRunSupport.SyntheticSmall} {DivergingDoc2HashMethod.MethodName} 8b seed 1 (Training diverged at epoch 1", summary);
        Assert.DoesNotContain("   at ", error.ToString());
    }

    [Fact]
    public void The_report_header_names_the_runs_folder_and_the_committed_record_folder()
    {
        using var temp = new TempFolder();
        new HandMadeRuns(temp.File("runs")).Add(new GridCell("doc2hash", "ng20", 32, 1), 0.4);
        new HandMadeRuns(temp.File("results/runs")).Add(new GridCell("doc2hash", "ng20", 32, 2), 0.5);
        StudyReport.Write(RunCollection.Load(temp.File("runs"), temp.File("results/runs")), temp.File("results"), figures: false);
        Assert.Contains("from 2 finished run records in `runs`, `results/runs` (", File.ReadAllText(temp.File("results/tables/index.md")));
    }

    [Fact]
    public void The_report_shows_every_hyperparameter_that_differs_from_the_methods_preset()
    {
        using var temp = new TempFolder();
        var runs = new HandMadeRuns(temp.File("runs"));
        var changed = MethodCatalog.Configure("doc2hash", "ng20", 32, new Dictionary<string, string> { ["lr"] = "0.001", ["kl-weight"] = "0.5", ["tau-every"] = "epoch", ["epochs"] = "3", ["seed"] = "2" });
        runs.Add(new GridCell("doc2hash", "ng20", 32, 2), 0.3, config: changed);
        runs.Add(new GridCell("doc2hash", "ng20", 32, 1), 0.4, config: MethodCatalog.Configure("doc2hash", "ng20", 32));
        StudyReport.Write(RunCollection.Load(temp.File("runs")), temp.File("results"), figures: false);
        string table = File.ReadAllText(temp.File("results/tables/ng20-every-setting.md"));
        Assert.Contains("kl-weight=0.5, tau-every=epoch, epochs=3, lr=0.001", table);   // every difference, in schema order; the seed is not a hyperparameter
        Assert.Contains("| preset |", table.Replace("**", ""));
        Assert.Contains("kl-weight=0.5, tau-every=epoch, epochs=3, lr=0.001", File.ReadAllText(temp.File("results/tables/runs.csv")));
    }
}
