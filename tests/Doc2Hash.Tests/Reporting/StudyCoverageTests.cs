using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Study;
using Doc2Hash.Reporting;
using Doc2Hash.Tests.Data;
using Doc2Hash.Tests.Reporting.Tables;

namespace Doc2Hash.Tests.Reporting;

public class StudyCoverageTests
{
    // One dataset, Doc2hash at 16 and 32 bits x seeds 1-3, plus the kl-form ablation at 32 bits (authors = the main cell, per-bit).
    private static readonly StudyProfile Small = StudyProfile.Quick with { Datasets = ["ng20"], Bits = [16, 32] };

    [Fact]
    public void Counts_found_and_planned_runs_per_row_and_names_the_missing_ones()
    {
        using var temp = new TempFolder();
        var runs = new HandMadeRuns(temp.File("runs"));
        runs.Add(new GridCell("doc2hash", "ng20", 16, 1), 0.3);
        runs.Add(new GridCell("doc2hash", "ng20", 32, 1), 0.4);
        runs.Add(new GridCell("doc2hash", "ng20", 32, 3), 0.4);
        runs.Add(new GridCell("doc2hash", "reuters", 32, 2), 0.6);   // a dataset the profile does not plan: ignored

        var rows = StudyCoverage.Of(Small, RunCollection.Load(temp.File("runs")).Runs);

        Assert.Equal(2, rows.Count);
        Assert.Equal(new CoverageRow("ng20", "doc2hash", 3, 6, "16b: seeds 2, 3; 32b: seed 2"), rows[0]);
        // The ablation's 'authors' variant is the main 32-bit cell (seeds 1 and 3 found); 'per-bit' has no run.
        Assert.Equal(new CoverageRow("ng20", "doc2hash, ablation 'kl-form'", 2, 6, "authors: seed 2; per-bit: seeds 1, 2, 3"), rows[1]);
        Assert.False(rows[0].Complete);
    }

    [Fact]
    public void With_no_runs_everything_is_missing_and_with_all_runs_nothing_is()
    {
        var none = StudyCoverage.Of(Small with { Ablations = [] }, []);
        Assert.Equal(new CoverageRow("ng20", "doc2hash", 0, 6, "16b: seeds 1, 2, 3; 32b: seeds 1, 2, 3"), Assert.Single(none));

        using var temp = new TempFolder();
        var runs = new HandMadeRuns(temp.File("runs"));
        foreach (var cell in StudyGrid.Cells(Small)) runs.Add(cell, 0.5, config: HandMadeRuns.Config(cell, Small));
        var all = StudyCoverage.Of(Small, RunCollection.Load(temp.File("runs")).Runs);
        Assert.All(all, r => Assert.True(r.Complete));
        Assert.All(all, r => Assert.Equal("", r.Missing));
        Assert.Equal(6, StudyCoverage.ToDataFrame(all).Columns["found"][0]);   // 2 bit lengths x 3 seeds
    }
}
