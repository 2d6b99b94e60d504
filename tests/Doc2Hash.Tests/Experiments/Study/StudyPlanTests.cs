using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Study;
using Doc2Hash.Tests.Data;

namespace Doc2Hash.Tests.Experiments.Study;

public class StudyPlanTests
{
    private static StudyProfile Small(params int[] bits) => StudyProfile.Quick with
    {
        Datasets = ["tiny"], Bits = bits, Seeds = [1], Epochs = 2, Ablations = [],
    };

    [Fact]
    public void A_plan_counts_its_work_skips_what_exists_and_reads_back_only_its_own_runs()
    {
        using var temp = new TempFolder();
        var directories = new StudyDirectories(temp.File("runs"), temp.File("results/runs"));
        var executor = new FakeRunExecutor();

        // An earlier study at 16 and 32 bits; the plan at 32 and 64 bits must skip 32 and train only 64.
        StudyPlan.Create(Small(16, 32), executor, directories).Run(executor, directories);
        var plan = StudyPlan.Create(Small(32, 64), executor, directories);
        Assert.Equal((2, 1, 0, 1), (plan.CellCount, plan.AlreadyDone, plan.ToResume, plan.ToTrain));
        // Only the 64-bit run has work left: 2 epochs at the fake's 0.6 s per epoch (seen on earlier runs of the method) + overhead.
        Assert.Equal(2 * 0.6 + TimeEstimate.OverheadSeconds, plan.Expected.TotalSeconds, 9);
        Assert.Equal(
            "Profile 'quick': tiny x doc2hash x 32/64 bits x seeds 1, 2 epochs.\n" +
            "2 grid cells -> 2 distinct runs: 1 already done, 0 to resume, 1 to train.\n" +
            "Expected wall time: about 0:04 (seconds per epoch from earlier runs where known, else 7 s).", plan.Describe());

        executor.Calls.Clear();
        var outcome = plan.Run(executor, directories);
        Assert.Equal((1, 1, 0), (outcome.Done, outcome.Skipped, outcome.Failed));
        Assert.Equal(["train tiny doc2hash 64b seed1 authors"], executor.Calls);

        // Three finished runs exist (16, 32, 64 bits); the plan's results are its own two.
        var all = RunCollection.Load(directories.Runs, directories.Records);
        Assert.Equal(3, all.Runs.Count);
        Assert.Equal([32, 64], plan.Results(all).Select(r => r.Config.Bits).Order());
    }

    [Fact]
    public void Log_lines_name_the_run_and_hours_keep_counting_past_a_day()
    {
        Assert.Equal("1:01", StudyLog.Time(TimeSpan.FromSeconds(61)));
        Assert.Equal("1:00:05", StudyLog.Time(TimeSpan.FromSeconds(3605)));
        Assert.Equal("26:03:00", StudyLog.Time(TimeSpan.FromHours(26.05)));

        using var temp = new TempFolder();
        var directories = new StudyDirectories(temp.File("runs"), temp.File("results/runs"));
        var executor = new FakeRunExecutor();
        var plan = StudyPlan.Create(Small(16), executor, directories);
        var lines = new List<string?>();
        plan.Run(executor, directories, e => lines.Add(StudyLog.Line(e, epochs: false)));
        Assert.Equal("[1/1] tiny doc2hash 16b seed 1: training (about 0:17)", lines[0]);   // 2 x 7 s default + 3 s overhead
        Assert.Null(lines[1]);                                                              // epochs left out
        Assert.StartsWith("  done in ", lines[^1]);

        var skipped = StudyPlan.Create(Small(16), executor, directories);
        var again = new List<string?>();
        skipped.Run(executor, directories, e => again.Add(StudyLog.Line(e)));
        Assert.Equal(["[1/1] tiny doc2hash 16b seed 1: done (skipped)", null], again);
    }
}
