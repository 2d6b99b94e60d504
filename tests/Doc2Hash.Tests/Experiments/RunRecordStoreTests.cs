using Doc2Hash.Evaluation;
using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Study;
using Doc2Hash.Retrieval;
using Doc2Hash.Tests.Data;
using Doc2Hash.Tests.Reporting.Tables;

namespace Doc2Hash.Tests.Experiments;

public class RunRecordStoreTests
{
    [Fact]
    public void Commit_copies_the_small_files_only_and_replaces_an_earlier_record_whole()
    {
        using var temp = new TempFolder();
        var run = new HandMadeRuns(temp.File("runs")).Add(new GridCell("doc2hash", "ng20", 32, 1), 0.4, [0.4f, 0.4f]);
        Directory.CreateDirectory(run.Checkpoints);
        File.WriteAllBytes(run.BestCheckpoint, new byte[1000]);
        File.WriteAllText(Path.Combine(run.Path, RunFolder.MetricsFile), "epoch\n1\n");

        string record = RunRecordStore.Commit(run, temp.File("results/runs"));
        Assert.Equal(Path.Combine(temp.File("results/runs"), "ng20", Path.GetFileName(run.Path)), record);
        Assert.Equal([RunFolder.ConfigFile, RunFolder.MetricsFile, RunResults.QueryPrecisionFile, RunFolder.SummaryFile],
            Directory.GetFiles(record).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(record, RunFolder.CheckpointsFolder)));

        File.Delete(Path.Combine(run.Path, RunFolder.MetricsFile));   // the new set has no metrics: the old file must not survive
        RunRecordStore.Commit(run, temp.File("results/runs"));
        Assert.False(File.Exists(Path.Combine(record, RunFolder.MetricsFile)));
        Assert.Single(Directory.GetFileSystemEntries(Path.Combine(temp.File("results/runs"), "ng20")));   // no staging folder left
    }

    [Fact]
    public void An_unfinished_run_is_not_committed()
    {
        using var temp = new TempFolder();
        var config = HandMadeRuns.Config(new GridCell("doc2hash", "ng20", 32, 1));
        var run = RunFolder.Create(temp.File("runs"), config, new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Contains("only finished runs", Assert.Throws<InvalidOperationException>(() => RunRecordStore.Commit(run, temp.File("records"))).Message);
        Assert.False(Directory.Exists(temp.File("records/ng20")) && Directory.EnumerateFileSystemEntries(temp.File("records/ng20")).Any());
    }

    [Fact]
    public void Run_results_round_trip_and_bad_files_are_clear_errors()
    {
        using var temp = new TempFolder();
        var perQuery = new[] { 0.25, 0.5 }.Select(p => new QueryScores(p, 0, 0, 0, 0, 0, default, 0, 0, 0, 0, 0)).ToArray();
        var report = new RetrievalReport(2, 3, 2, 100, 0.375, 0, 0, 0, 0, 2, 0, 0, 0, [new PrecisionAtDepth(1, 1.0), new PrecisionAtDepth(2, 0.75)], perQuery);
        var codes = BinaryCodes.FromBits(4, 2, [1, 0, 1, 1, 1, 0, 0, 0]);   // bit 0 set in 3 of 4 codes, bit 1 in 1 of 4
        RunResults.Write(temp.Path, report, CodeStatistics.Compute(codes));

        Assert.Equal([0.25f, 0.5f], RunResults.ReadQueryPrecision(temp.Path)!);
        Assert.Equal([new PrecisionAtDepth(1, 1.0), new PrecisionAtDepth(2, 0.75)], RunResults.ReadCurve(temp.Path));
        var usage = RunResults.ReadBitUsage(temp.Path)!;
        Assert.Equal([0.75, 0.25], usage.OnesRate);
        Assert.Equal(0.811278124459, usage.Entropy[0], 9);   // H(0.75) = -(0.75 log2 0.75 + 0.25 log2 0.25)

        File.WriteAllText(temp.File(RunResults.CurveFile), "k,precision\n1,abc\n");
        Assert.Contains("line 2", Assert.Throws<InvalidDataException>(() => RunResults.ReadCurve(temp.Path)).Message);
        Doc2Hash.Data.Formats.NpyWriter.WriteFloat32(temp.File(RunResults.QueryPrecisionFile), [1], [1.5f], overwrite: true);
        Assert.Contains("outside [0, 1]", Assert.Throws<InvalidDataException>(() => RunResults.ReadQueryPrecision(temp.Path)).Message);
        Assert.Null(RunResults.ReadQueryPrecision(temp.File("nowhere")));
    }

    [Fact]
    public void Config_differences_list_every_changed_hyperparameter_but_not_identity()
    {
        var preset = Doc2Hash.Experiments.Methods.MethodCatalog.Configure("doc2hash", "ng20", 32);
        var changed = Doc2Hash.Experiments.Methods.MethodCatalog.Configure("doc2hash", "reuters", 32,
            new Dictionary<string, string> { ["seed"] = "9", ["lr"] = "0.001", ["tau-every"] = "epoch" }, device: "cuda") with { DataFingerprint = "x" };
        Assert.Equal("tau-every=epoch, lr=0.001", ConfigDifferences.Describe(ConfigDifferences.Between(preset, changed)));
        var seed3 = Doc2Hash.Experiments.Methods.MethodCatalog.Configure("doc2hash", "ng20", 32, new Dictionary<string, string> { ["seed"] = "3" });
        Assert.Equal("preset", ConfigDifferences.Describe(ConfigDifferences.Between(preset, seed3)));
    }
}
