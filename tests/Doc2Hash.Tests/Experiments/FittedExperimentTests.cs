using Doc2Hash.Experiments;
using Doc2Hash.Reporting.Tables;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Reporting;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Experiments;

/// <summary>A method fitted in one pass writes a complete run folder that eval, encode and report read like any other.</summary>
public class FittedExperimentTests
{
    static FittedExperimentTests() => MethodCatalog.Register(new SignProjectionMethod());

    private static string TempRuns() => Path.Combine(Path.GetTempPath(), "doc2hash-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_fitted_run_writes_config_state_and_summary_with_timings_and_reloads_to_the_same_codes()
    {
        var data = TinyCorpus.Topics(train: 200);
        var config = MethodCatalog.Configure(SignProjectionMethod.MethodName, "tiny", bits: 16);
        var (run, summary) = Experiment.Train(config, data, TempRuns());

        Assert.Matches(@"tiny[/\\]test-sign-projection-16b-seed1-\d{8}-\d{6}$", run.Path);
        Assert.Equal(config with { DataFingerprint = DatasetFingerprint.Compute(data) }, run.ReadConfig());
        Assert.True(File.Exists(run.StateFile));
        var stored = run.ReadSummary();
        Assert.Equal(summary with { Versions = stored.Versions, Timings = stored.Timings }, stored);
        Assert.Equal(summary.Timings, stored.Timings);
        Assert.Equal(["evaluate", "fit", "save"], summary.Timings!.Keys.Order());
        Assert.Equal((1, 1, Experiment.FittedProtocol), (summary.BestEpoch, summary.EpochsRun, summary.SelectionProtocol));

        var evaluation = Experiment.Evaluate(run, data, k: 10);
        Assert.Equal(summary.ValidationPrecision, evaluation.ValidationPrecision, 12);
        Assert.Equal(summary.TestPrecision, evaluation.TestPrecision, 12);
        var fitted = new SignProjectionMethod().Fit(config.Settings, data);
        Assert.Equal(fitted.Encode(data.Test.Features).Words, Experiment.Encode(run, data)["test"].Words);
        var table = Assert.Single(StudyTables.EverySetting(RunCollection.Load(Path.GetDirectoryName(Path.GetDirectoryName(run.Path))!).Runs));
        Assert.Equal(summary.TestPrecision, Assert.Single(table.Rows, r => r.Method == SignProjectionMethod.MethodName).Cells[16].Value.Mean);
    }

    [Fact]
    public void An_interrupted_fitted_run_is_fitted_again_in_its_folder()
    {
        var data = TinyCorpus.Topics(train: 100);
        var (run, first) = Experiment.Train(MethodCatalog.Configure(SignProjectionMethod.MethodName, "tiny", 8), data, TempRuns());
        File.Delete(Path.Combine(run.Path, RunFolder.SummaryFile));
        File.Delete(run.StateFile);
        var again = Experiment.Resume(run, data);
        Assert.Equal(first.TestPrecision, again.TestPrecision);
        Assert.True(File.Exists(run.StateFile));
    }
}
