using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Study;
using Doc2Hash.Tests.Data;
using Doc2Hash.Tests.Reporting.Tables;

namespace Doc2Hash.Tests.Experiments;

public class RunCollectionFindTests
{
    private static readonly GridCell Cell = new("doc2hash", "ng20", 32, 1);

    [Fact]
    public void Finds_the_finished_run_of_an_identical_configuration_and_nothing_for_another()
    {
        using var temp = new TempFolder();
        var runs = new HandMadeRuns(temp.File("runs"));
        var folder = runs.Add(Cell, 0.40);
        runs.Add(Cell with { Seed = 2 }, 0.42);
        var collection = RunCollection.Load(temp.File("runs"));

        Assert.Equal(folder.Path, collection.Find(HandMadeRuns.Config(Cell))!.Folder.Path);
        Assert.Null(collection.Find(HandMadeRuns.Config(Cell with { Seed = 3 })));
        Assert.Null(collection.Find(HandMadeRuns.Config(Cell) with { DataFingerprint = "sha256:other-data" }));   // same settings, other data
    }

    [Fact]
    public void A_failed_run_is_never_found()
    {
        using var temp = new TempFolder();
        new HandMadeRuns(temp.File("runs")).Add(Cell, 0.40).MarkFailed(new InvalidOperationException("loss diverged"));
        Assert.Null(RunCollection.Load(temp.File("runs")).Find(HandMadeRuns.Config(Cell)));
    }
}
