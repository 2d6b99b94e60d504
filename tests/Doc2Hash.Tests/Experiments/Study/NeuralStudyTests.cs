using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Study;
using Doc2Hash.Reporting;
using Doc2Hash.Tests.Data;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Experiments.Study;

public class NeuralStudyTests
{
    [Fact]
    public void A_real_study_trains_records_per_query_precision_commits_and_reports()
    {
        using var temp = new TempFolder();
        var directories = new StudyDirectories(temp.File("runs"), temp.File("results/runs"));
        // The named quick profile (3 epochs, KL-form ablation at 32 bits) narrowed as the CLI would, so the report finds its rows.
        var profile = StudyProfile.Quick with { Datasets = ["tiny"], Bits = [8], Seeds = [1, 2], Ablations = ["kl-form"] };
        var data = TinyCorpus.Topics(train: 200) with { Name = "tiny" };
        var executor = new ExperimentRunExecutor(_ => data);

        var plan = StudyGrid.Plan(StudyGrid.Cells(profile), StudyCatalog.Resolver(profile), executor.Fingerprint);
        var outcome = StudyRunner.Run(StudyStep.Inspect(plan, directories), executor, directories);
        Assert.True(outcome.Failed == 0, string.Join("\n", outcome.Failures.Select(f => f.ToString())));
        Assert.Equal((6, 0, 0), (outcome.Done, outcome.Skipped, outcome.Failed));

        var records = RunRecord.Scan(directories.Records);
        Assert.Equal(6, records.Count);
        foreach (var record in records)
        {
            var perQuery = RunResults.ReadQueryPrecision(record.Folder.Path)!;
            Assert.Equal(data.Test.Count, perQuery.Length);
            // The recorded per-query precision averages to the summary's test precision (same checkpoint, same K).
            Assert.Equal(record.Summary!.TestPrecision, perQuery.Average(p => (double)p), 5);
            Assert.NotNull(RunResults.ReadCurve(record.Folder.Path));
            Assert.Equal(record.Config.Bits, RunResults.ReadBitUsage(record.Folder.Path)!.OnesRate.Count);
            Assert.False(Directory.Exists(Path.Combine(record.Folder.Path, RunFolder.CheckpointsFolder)));
        }

        var report = StudyReport.Write(RunCollection.Load(directories.Runs, directories.Records), temp.File("results"), figures: false);
        var ablation = report.Tables.Single(t => t.Name == "quick/tiny-ablation-kl-form");
        Assert.All(ablation.Rows, r => Assert.Equal(2, r.Cells[32].Value.Count));
        Assert.Contains(ablation.Rows, r => r.Cells[32].VersusBest is not null);   // per-query records make the test possible

        var again = StudyRunner.Run(StudyStep.Inspect(plan, directories), executor, directories);
        Assert.Equal(6, again.Skipped);
    }
}
