using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Study;
using Doc2Hash.Reporting.Tables;
using Doc2Hash.Tests.Data;

namespace Doc2Hash.Tests.Reporting.Tables;

public class ResultTablesTests
{
    private static GridCell MainCell(int bits, int seed, string dataset = "ng20") => new("doc2hash", dataset, bits, seed);
    private static GridCell KlForm(string variant, int seed, string dataset = "ng20") => new("doc2hash", dataset, 32, seed, "kl-form", variant);

    /// <summary>
    /// ng20: main doc2hash at 16 bits (0.40, 0.42, 0.44) and 32 bits; KL-form ablation: per-bit is 0.2 below the
    /// authors' form on every one of 8 queries (exact sign-flip p = 2/256: significant, no dagger).
    /// reuters: per-bit differs from authors by (-0.1, +0.2, -0.3, -0.4) on 4 queries (p = 6/16: dagger).
    /// </summary>
    private static IReadOnlyList<RunRecord> Records(TempFolder temp)
    {
        var runs = new HandMadeRuns(temp.File("runs"));
        double[] main16 = [0.40, 0.42, 0.44];
        for (int s = 1; s <= 3; s++) runs.Add(MainCell(16, s), main16[s - 1]);
        float[] authors = [0.5f, 0.6f, 0.7f, 0.4f, 0.5f, 0.6f, 0.7f, 0.4f];
        for (int s = 1; s <= 3; s++)
        {
            runs.Add(MainCell(32, s), authors.Average(), authors);
            runs.Add(KlForm("per-bit", s), authors.Average() - 0.2, [.. authors.Select(a => a - 0.2f)]);
        }
        float[] best = [0.5f, 0.5f, 0.5f, 0.5f], close = [0.4f, 0.7f, 0.2f, 0.1f];
        runs.Add(MainCell(32, 1, "reuters"), 0.5, best);
        runs.Add(KlForm("per-bit", 1, "reuters"), 0.35, close);
        return RunCollection.Load(temp.File("runs")).Runs;
    }

    [Fact]
    public void Cells_are_mean_and_sample_std_over_seeds_with_the_best_bold_and_significance_marked()
    {
        using var temp = new TempFolder();
        var tables = StudyTables.ForProfile(StudyProfile.Quick, Records(temp));
        Assert.Equal(["quick/ng20-unsupervised", "quick/ng20-ablation-kl-form", "quick/reuters-unsupervised", "quick/reuters-ablation-kl-form"], tables.Select(t => t.Name));

        var main = tables[0];
        var row = Assert.Single(main.Rows);
        Assert.Equal("kl-form=authors, epochs=3", row.Settings);   // every setting that differs from the preset
        Assert.Equal([16, 32], main.Bits);                                   // 64 bits has no run: no empty column
        Assert.Equal("0.4200 ± 0.0200 (3)", row.Cells[16].Value.Format());
        Assert.Contains("| doc2hash | kl-form=authors, epochs=3 | **0.4200 ± 0.0200 (3)** | **0.5500 ± 0.0000 (3)** |", TableMarkdown.Render(main));

        var ablation = tables[1];
        Assert.Equal(["authors", "per-bit"], ablation.Rows.Select(r => r.Method));
        var perBit = ablation.Rows[1].Cells[32];
        Assert.True(ablation.Rows[0].Cells[32].IsBest);
        Assert.Equal(2.0 / 256, perBit.VersusBest!.PValue, 12);
        Assert.False(perBit.TiesWithBest);
        Assert.Contains("| per-bit | epochs=3 | 0.3500 ± 0.0000 (3) |", TableMarkdown.Render(ablation));

        var reuters = tables[3].Rows[1].Cells[32];
        Assert.Equal(6.0 / 16, reuters.VersusBest!.PValue, 12);
        Assert.True(reuters.TiesWithBest);
        Assert.Contains("| per-bit | epochs=3 | 0.3500 (1) † |", TableMarkdown.Render(tables[3]));
        Assert.Contains("†: not significantly different from the best at the 5% level", tables[3].Caption);
    }

    [Fact]
    public void The_seed_level_test_marks_a_gap_within_the_seed_spread_that_the_query_test_calls_significant()
    {
        // Best: seeds at 0.50, 0.52, 0.54 (8 queries each, the seed's offset on every query). Other: every query 0.01
        // lower in every seed. Per query the seed-averaged difference is -0.01 on all 8 queries: exact sign-flip p =
        // 2/256, no †. Over seeds: (0.49, 0.51, 0.53) vs (0.50, 0.52, 0.54), t = -0.01 / sqrt(2 · 0.02² / 3) = -0.6124,
        // df = 4, two-sided p = 0.5734 (closed form for 4 df): ‡.
        using var temp = new TempFolder();
        var runs = new HandMadeRuns(temp.File("runs"));
        float[] queries = [0.45f, 0.55f, 0.40f, 0.60f, 0.50f, 0.50f, 0.48f, 0.52f];
        double[] offsets = [0.0, 0.02, 0.04];
        for (int s = 1; s <= 3; s++)
        {
            float[] best = [.. queries.Select(q => q + (float)offsets[s - 1])];
            runs.Add(MainCell(32, s), best.Average(), best);
            float[] lower = [.. best.Select(q => q - 0.01f)];
            runs.Add(KlForm("per-bit", s), lower.Average(), lower);
        }
        var table = StudyTables.ForProfile(StudyProfile.Quick, RunCollection.Load(temp.File("runs")).Runs)[1];
        var cell = table.Rows[1].Cells[32];
        Assert.False(cell.TiesWithBest);
        Assert.Equal(2.0 / 256, cell.VersusBest!.PValue, 12);
        var overSeeds = cell.VersusBestOverSeeds!;
        Assert.Equal(-0.01 / Math.Sqrt(2 * 0.02 * 0.02 / 3), overSeeds.T, 4);
        Assert.Equal(4, overSeeds.DegreesOfFreedom, 3);
        Assert.Equal(0.5734, overSeeds.PValue, 3);
        Assert.True(cell.TiesWithBestOverSeeds);
        Assert.Null(table.Rows[0].Cells[32].VersusBestOverSeeds);   // the best is not tested against itself
        Assert.Equal("‡", cell.Marks);
        Assert.Contains("| per-bit | epochs=3 | 0.5100 ± 0.0200 (3) ‡ |", TableMarkdown.Render(table));
        Assert.Contains(@"0.5100 $\pm$ 0.0200 (3)$^{\ddagger}$ \\", TableLatex.Render(table));
        Assert.Contains("‡: not significantly different from the best at the 5% level by Welch's two-sided t-test", table.Caption);
        var csv = TableCsv.Render(table).TrimEnd('\n').Split('\n');
        Assert.EndsWith(",true,", csv[2][..(csv[2].LastIndexOf(',') + 1)]);
        Assert.Equal(true, TableDataFrame.Render(table)["seed_not_significantly_worse"][1]);
        Assert.Equal("0.5100 ± 0.0200 (3) ‡", TableDataFrame.Cell(cell));
    }

    [Fact]
    public void Both_marks_share_one_latex_superscript()
    {
        var cell = new ResultCell(new Doc2Hash.Reporting.Statistics.MeanAndSpread(0.4, 0.01, 3), false,
            new Doc2Hash.Reporting.Statistics.PairedTestResult(-0.01, 0.3, 8, "test"), [])
        { VersusBestOverSeeds = new Doc2Hash.Reporting.Statistics.WelchTestResult(-0.01, -1, 4, 0.4, 3, 3) };
        Assert.Equal("†‡", cell.Marks);
        Assert.Equal(@"0.4000 $\pm$ 0.0100 (3)$^{\dagger\ddagger}$", TableLatex.Cell(cell));
        Assert.Equal("0.4000 ± 0.0100 (3) †‡", TableMarkdown.Cell(cell));
    }

    [Fact]
    public void A_cell_without_per_query_records_is_not_tested_and_the_caption_says_so()
    {
        using var temp = new TempFolder();
        var runs = new HandMadeRuns(temp.File("runs"));
        runs.Add(MainCell(32, 1), 0.5, [0.5f, 0.5f]);
        runs.Add(KlForm("per-bit", 1), 0.3);
        var table = StudyTables.ForProfile(StudyProfile.Quick, RunCollection.Load(temp.File("runs")).Runs)[1];
        Assert.True(table.Rows[1].Cells[32].Untested);
        Assert.Contains("1 cell(s) could not be tested", table.Caption);
        Assert.DoesNotContain("†", TableMarkdown.Render(table).Split('\n')[4]);
    }

    [Fact]
    public void Latex_uses_booktabs_bold_dagger_and_escapes_special_characters()
    {
        Assert.Equal(@"a\_b 50\% \& \#1 \{x\} \$ \textasciitilde{} \textasciicircum{} \textbackslash{} $\pm$",
            TableLatex.Escape(@"a_b 50% & #1 {x} $ ~ ^ \ ±"));
        using var temp = new TempFolder();
        var tables = StudyTables.ForProfile(StudyProfile.Quick, Records(temp));
        string latex = TableLatex.Render(tables[3]);
        Assert.Contains(@"\toprule", latex);
        Assert.Contains(@"\midrule", latex);
        Assert.Contains(@"\bottomrule", latex);
        Assert.Contains(@"\begin{tabular}{llr}", latex);
        Assert.Contains(@"authors & kl-form=authors, epochs=3 & \textbf{0.5000} (1) \\", latex);
        Assert.Contains(@"per-bit & epochs=3 & 0.3500 (1)$^{\dagger}$ \\", latex);
        Assert.Contains(@"\label{tab:quick-reuters-ablation-kl-form}", latex);
        Assert.Contains(@"5\% level", latex);   // the caption is escaped too
        Assert.DoesNotContain("±", latex);
    }

    [Fact]
    public void Csv_and_data_frame_hold_one_line_per_cell()
    {
        using var temp = new TempFolder();
        var table = StudyTables.ForProfile(StudyProfile.Quick, Records(temp))[1];
        var lines = TableCsv.Render(table).TrimEnd('\n').Split('\n');
        Assert.Equal(TableCsv.Header, lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("quick/ng20-ablation-kl-form,ng20,per-bit,epochs=3,32,0.35", lines[2]);
        Assert.Contains(",3,false,0.0078125,false,", lines[2]);
        var frame = TableDataFrame.Render(table);
        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal("per-bit", frame["variant"][1]);
        Assert.Equal(true, frame["best"][0]);
    }

    [Fact]
    public void Every_setting_table_lists_runs_of_any_command_with_their_differences()
    {
        using var temp = new TempFolder();
        var runs = new HandMadeRuns(temp.File("runs"));
        var config = Doc2Hash.Experiments.Methods.MethodCatalog.Configure("doc2hash", "ng20", 32, new Dictionary<string, string> { ["kl-weight"] = "0.5", ["lr"] = "0.001" });
        runs.Add(MainCell(32, 1), 0.3, config: config);
        var table = Assert.Single(StudyTables.EverySetting(RunCollection.Load(temp.File("runs")).Runs));
        Assert.Equal("kl-weight=0.5, lr=0.001", table.Rows[0].Settings);
    }

    [Fact]
    public void Published_numbers_are_labelled_as_computed_on_other_splits_with_sources()
    {
        string md = PublishedResults.Markdown();
        Assert.Contains("computed on the VDSH .mat splits, not the kit's splits", md);
        Assert.Contains("| NASH | reuters | 0.7113 | 0.7624 | 0.7993 | 0.7812 | 0.7559 | Shen et al., NASH, ACL 2018 |", md);
        Assert.Contains("| AMMI | ng20 |  | 0.5518 |", md);
        Assert.Contains(@"VDSH .mat splits, not the kit's splits.}", PublishedResults.Latex());
    }
}
