using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Study;
using Doc2Hash.Reporting;
using Doc2Hash.Reporting.Figures;
using Doc2Hash.Tests.Data;
using Doc2Hash.Tests.Reporting.Tables;

namespace Doc2Hash.Tests.Reporting;

public class StudyReportTests
{
    private static GridCell Cell(int bits, int seed) => new("doc2hash", "ng20", bits, seed);

    private static string MainTable(string results) => File.ReadAllText(Path.Combine(results, "tables", "quick", "ng20-unsupervised.md"));

    [Fact]
    public void Report_merges_local_runs_with_committed_records_and_counts_a_run_found_in_both_once()
    {
        using var temp = new TempFolder();
        string runs = temp.File("runs"), records = temp.File("results/runs"), results = temp.File("results");
        var local = new HandMadeRuns(runs);
        // Seeds 1 and 2 were committed earlier (a fresh clone has only these); seed 3 is a new local run, also committed.
        RunRecordStore.Commit(local.Add(Cell(32, 1), 0.40, [0.4f]), records);
        RunRecordStore.Commit(local.Add(Cell(32, 2), 0.42, [0.42f]), records);
        Directory.Delete(Path.Combine(runs, "ng20"), recursive: true);
        var seed3 = local.Add(Cell(32, 3), 0.44, [0.44f]);
        RunRecordStore.Commit(seed3, records);

        var collection = RunCollection.Load(runs, records);
        Assert.Equal(3, collection.Runs.Count);   // seed 3 is in both folders: one run
        StudyReport.Write(collection, results, figures: false);
        Assert.Contains("| 0.4200 ± 0.0200 (3) |", MainTable(results).Replace("**", ""));

        File.WriteAllText(Path.Combine(results, "tables", "quick", "stale-table.md"), "old");
        // A narrowed reproduce with only one new local cell (16 bits) adds a column; the committed 32-bit cell stays.
        Directory.Delete(runs, recursive: true);
        local.Add(Cell(16, 1), 0.30, [0.3f]);
        StudyReport.Write(RunCollection.Load(runs, records), results, figures: false);
        string table = MainTable(results).Replace("**", "");
        Assert.Contains("| 0.3000 (1) | 0.4200 ± 0.0200 (3) |", table);
        Assert.False(File.Exists(Path.Combine(results, "tables", "quick", "stale-table.md")));   // generated folder: stale tables go
        Assert.False(File.Exists(Path.Combine(results, "tables", "quick", "ng20-ablation-kl-form.md")));   // only its baseline variant ran: no ablation table
    }

    [Fact]
    public void Of_identical_configurations_the_newest_finished_run_wins()
    {
        using var temp = new TempFolder();
        var runs = new HandMadeRuns(temp.File("runs"));
        runs.Add(Cell(32, 1), 0.10, finished: new DateTime(2031, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        runs.Add(Cell(32, 1), 0.30, finished: new DateTime(2031, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        runs.Add(Cell(32, 1), 0.20, finished: new DateTime(2031, 5, 15, 0, 0, 0, DateTimeKind.Utc));
        var run = Assert.Single(RunCollection.Load(temp.File("runs")).Runs);
        Assert.Equal(0.30, run.Summary!.TestPrecision);
    }

    [Fact]
    public void Failed_runs_are_kept_out_of_the_tables()
    {
        using var temp = new TempFolder();
        var runs = new HandMadeRuns(temp.File("runs"));
        runs.Add(Cell(32, 1), 0.40);
        var marked = runs.Add(Cell(32, 2), 0.99);
        marked.MarkFailed(new InvalidOperationException("loss became NaN"));
        runs.Add(Cell(32, 3), double.NaN);   // a non-finite result is never a number to report

        var collection = RunCollection.Load(temp.File("runs"));
        Assert.Equal(2, collection.FailedCount);
        StudyReport.Write(collection, temp.File("results"), figures: false);
        Assert.Contains("0.4000 (1)", MainTable(temp.File("results")));
        Assert.Contains("2 failed run(s)", File.ReadAllText(temp.File("results/tables/index.md")));
    }

    [Fact]
    public void Report_refuses_to_replace_tables_when_it_finds_no_finished_run_and_names_the_folders()
    {
        using var temp = new TempFolder();
        string results = temp.File("results");
        new HandMadeRuns(temp.File("runs")).Add(Cell(32, 1), 0.4);
        StudyReport.Write(RunCollection.Load(temp.File("runs")), results, figures: false);
        string before = File.ReadAllText(Path.Combine(results, "tables", "index.md"));

        var empty = RunCollection.Load(temp.File("runs-typo"), temp.File("records-typo"));
        var error = Assert.Throws<InvalidOperationException>(() => StudyReport.Write(empty, results, figures: false));
        Assert.Contains("No finished run records in", error.Message);
        Assert.Contains("runs-typo", error.Message);
        Assert.Contains("records-typo", error.Message);
        Assert.Contains("refusing to replace the tables", error.Message);
        Assert.Equal(before, File.ReadAllText(Path.Combine(results, "tables", "index.md")));
    }

    [Fact]
    public void Report_writes_every_format_and_the_study_figures()
    {
        using var temp = new TempFolder();
        var local = new HandMadeRuns(temp.File("runs"));
        foreach (int bits in new[] { 16, 32 })
            for (int seed = 1; seed <= 2; seed++)
            {
                var run = local.Add(Cell(bits, seed), 0.3 + bits / 1000.0 + seed / 100.0, [0.3f, 0.4f]);
                File.WriteAllText(Path.Combine(run.Path, RunResults.CurveFile), "k,precision\n1,0.6\n10,0.5\n100,0.4\n");
                File.WriteAllText(Path.Combine(run.Path, RunResults.BitUsageFile), "bit,ones_rate,entropy\n" + string.Concat(Enumerable.Range(0, bits).Select(b => $"{b},0.5,1\n")));
                File.WriteAllText(Path.Combine(run.Path, RunFolder.MetricsFile), "epoch,train_seconds,eval_seconds,loss_kl,validation_p@100\n1,1,1,0.5,0.2\n2,1,1,0.4,0.3\n");
            }
        local.Add(new GridCell("doc2hash", "ng20", 32, 1, "kl-form", "per-bit"), 0.1, [0.1f, 0.1f]);
        var report = StudyReport.Write(RunCollection.Load(temp.File("runs")), temp.File("results"), renderer: FigureRenderer.PngOnly);
        string tables = temp.File("results/tables"), figures = temp.File("results/figures");
        foreach (string ext in new[] { "md", "tex", "csv" })
        {
            Assert.True(File.Exists(Path.Combine(tables, "quick", "ng20-unsupervised." + ext)));
            Assert.True(File.Exists(Path.Combine(tables, "quick", "ng20-ablation-kl-form." + ext)));
            Assert.True(File.Exists(Path.Combine(tables, "ng20-every-setting." + ext)));
        }
        Assert.True(File.Exists(Path.Combine(tables, "published.md")));
        Assert.Equal(6, File.ReadAllLines(Path.Combine(tables, "runs.csv")).Length);   // header + 5 runs
        foreach (string figure in new[] { "quick-ng20-unsupervised-p100-vs-bits", "quick-ng20-unsupervised-precision-curves-32b", "quick-ng20-unsupervised-bit-usage-32b",
                                          "quick-ng20-unsupervised-training-32b", "quick-ng20-ablation-kl-form" })
            Assert.True(new FileInfo(Path.Combine(figures, figure + ".png")).Length > 1000, figure);
        Assert.Contains(report.Written, p => p.EndsWith("index.md", StringComparison.Ordinal));
    }
}
