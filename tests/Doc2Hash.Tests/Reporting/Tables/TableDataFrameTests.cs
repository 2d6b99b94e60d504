using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Study;
using Doc2Hash.Reporting.Tables;
using Doc2Hash.Tests.Data;

namespace Doc2Hash.Tests.Reporting.Tables;

public class TableDataFrameTests
{
    [Fact]
    public void The_wide_frame_has_one_row_per_method_and_one_text_column_per_code_length_with_the_marks()
    {
        using var temp = new TempFolder();
        var runs = new HandMadeRuns(temp.File("runs"));
        // 16 bits: doc2hash only (best by default). 32 bits: doc2hash 0.40/0.44 (mean 0.42, std 0.0283), lsh 0.10.
        runs.Add(new GridCell("doc2hash", "ng20", 16, 1), 0.30);
        runs.Add(new GridCell("doc2hash", "ng20", 32, 1), 0.40);
        runs.Add(new GridCell("doc2hash", "ng20", 32, 2), 0.44);
        runs.Add(new GridCell("lsh", "ng20", 32, 1), 0.10);
        var table = StudyTables.EverySetting(RunCollection.Load(temp.File("runs")).Runs).Single();

        var frame = TableDataFrame.Wide(table);

        Assert.Equal(new[] { "method", "settings", "16 bits", "32 bits" }, frame.Columns.Select(c => c.Name));
        Assert.Equal(new object[] { "doc2hash", "lsh" }, frame.Columns["method"].Cast<object>());
        Assert.Equal("0.3000 (1) (best)", frame.Columns["16 bits"][0]);
        Assert.Equal("0.4200 ± 0.0283 (2) (best)", frame.Columns["32 bits"][0]);
        Assert.Equal("", frame.Columns["16 bits"][1]);          // lsh has no 16-bit run
        Assert.Equal("0.1000 (1)", frame.Columns["32 bits"][1]); // no per-query record: untested, no mark
    }

    [Fact]
    public void A_cell_not_significantly_worse_than_the_best_gets_a_dagger()
    {
        using var temp = new TempFolder();
        var runs = new HandMadeRuns(temp.File("runs"));
        // Per-query precision of two queries: 0.5/0.3 against 0.3/0.5, a difference no sign-flip test can call significant.
        runs.Add(new GridCell("doc2hash", "ng20", 32, 1), 0.40, [0.5f, 0.3f]);
        runs.Add(new GridCell("lsh", "ng20", 32, 1), 0.40, [0.3f, 0.5f]);
        var table = StudyTables.EverySetting(RunCollection.Load(temp.File("runs")).Runs).Single();

        var cells = TableDataFrame.Wide(table).Columns["32 bits"].Cast<string>().ToList();

        Assert.Single(cells, c => c.EndsWith("(best)", StringComparison.Ordinal));
        Assert.Single(cells, c => c == "0.4000 (1) †");
    }

    [Fact]
    public void Published_rows_keep_their_numbers_and_leave_unpublished_lengths_empty()
    {
        var ng20 = PublishedResults.Rows.Where(r => r.Dataset == "ng20").ToList();
        var frame = TableDataFrame.Published(ng20);

        Assert.Equal(new[] { "method", "dataset", "8 bits", "16 bits", "32 bits", "64 bits", "128 bits", "source" }, frame.Columns.Select(c => c.Name));
        Assert.Equal(2, frame.Rows.Count);   // AMMI and SNUH report 20 Newsgroups
        Assert.Null(frame.Columns["8 bits"][0]);
        Assert.Equal(0.5518, frame.Columns["16 bits"][0]);   // AMMI (Stratos and Wiseman, ICML 2020)
        Assert.Equal(0.6755, frame.Columns["128 bits"][1]);  // SNUH
    }
}
