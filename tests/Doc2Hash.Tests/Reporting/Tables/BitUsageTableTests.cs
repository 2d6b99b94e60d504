using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Study;
using Doc2Hash.Reporting.Figures;
using Doc2Hash.Reporting.Tables;
using Doc2Hash.Tests.Data;

namespace Doc2Hash.Tests.Reporting.Tables;

public class BitUsageTableTests
{
    // Entropy in bits of a bit that is 1 with probability 0.1: -(0.1 log2 0.1 + 0.9 log2 0.9).
    private const double H01 = 0.46899559358928122;

    [Fact]
    public void A_summary_averages_each_run_then_the_runs()
    {
        // Run 1: a balanced bit and a 10% bit (ones share 0.3, entropies 1 and 0.469, one bit below 0.5).
        // Run 2: two balanced bits (ones share 0.5, entropy 1 each, none below 0.5).
        var summary = BitUsageTable.Summarize("lsh", 2, [new BitUsage([0.5, 0.1], [1.0, H01]), new BitUsage([0.5, 0.5], [1.0, 1.0])]);
        Assert.Equal(2, summary.Runs);
        Assert.Equal((0.3 + 0.5) / 2, summary.OnesShare, 12);
        Assert.Equal(((1 + H01) / 2 + 1) / 2, summary.MeanEntropy, 12);
        Assert.Equal((H01 + 1) / 2, summary.MinEntropy, 12);
        Assert.Equal(0.5, summary.LowEntropyBits, 12);

        var e = Assert.Throws<ArgumentException>(() => BitUsageTable.Summarize("lsh", 3, [new BitUsage([0.5, 0.1], [1.0, H01])]));
        Assert.Contains("usage of 2 bits for a 3-bit code", e.Message);
        Assert.Throws<ArgumentException>(() => BitUsageTable.Summarize("lsh", 2, []));
    }

    [Fact]
    public void Summaries_follow_the_table_rows_read_the_recorded_usage_and_skip_cells_without_it()
    {
        using var temp = new TempFolder();
        var runs = new HandMadeRuns(temp.File("runs"));
        var lsh16 = runs.Add(new GridCell("lsh", "ng20", 16, 1), 0.10);
        runs.Add(new GridCell("lsh", "ng20", 32, 1), 0.12);                       // no bits.train.csv
        var itq16 = runs.Add(new GridCell("itq", "ng20", 16, 1), 0.20);
        WriteUsage(lsh16.Path, 16, b => b == 0 ? 0.1 : 0.5);
        WriteUsage(itq16.Path, 16, _ => 0.5);

        var profile = StudyProfile.Quick with { Methods = ["lsh", "itq"], Datasets = ["ng20"], Bits = [16, 32], Seeds = [1] };
        var table = StudyTables.ForProfile(profile, RunCollection.Load(temp.File("runs")).Runs).Single(t => t.Name == "quick/ng20-unsupervised");
        var summaries = BitUsageTable.Summaries(table);
        Assert.Equal([("lsh", 16), ("itq", 16)], summaries.Select(s => (s.Method, s.Bits)));
        Assert.Equal((0.1 + 15 * 0.5) / 16, summaries[0].OnesShare, 12);
        Assert.Equal((H01 + 15) / 16, summaries[0].MeanEntropy, 9);
        Assert.Equal(1, summaries[0].LowEntropyBits);
        Assert.Equal(0, summaries[1].LowEntropyBits);

        var frame = BitUsageTable.Render(summaries);
        Assert.Equal(["method", "bits", "seeds", "ones_share", "mean_entropy", "min_entropy", "low_entropy_bits"], frame.Columns.Select(c => c.Name));
        Assert.Equal("itq", frame["method"][1]);
        Assert.Equal(1.0, (double)frame["min_entropy"][1]!, 12);

        // The wide precision table: one row per method, one column per code length, empty where no run exists.
        var wide = TableDataFrame.Wide(table);
        Assert.Equal(["method", "settings", "16 bits", "32 bits"], wide.Columns.Select(c => c.Name));
        Assert.Equal(["lsh", "itq"], wide["method"].Cast<string>());
        Assert.StartsWith("0.1000 (1)", (string)wide["16 bits"][0]!);
        Assert.StartsWith("0.1200 (1)", (string)wide["32 bits"][0]!);
        Assert.Equal("", wide["32 bits"][1]);

        // Per-run list (HandMadeRuns records 10 s and one epoch for a method fitted in one pass) and the runs at one length.
        var list = TableDataFrame.Runs(RunCollection.Load(temp.File("runs")).Runs);
        Assert.Equal(3, list.Rows.Count);
        Assert.Equal(["itq", "lsh", "lsh"], list["method"].Cast<string>().Order());
        Assert.All(list["seconds"].Cast<double>(), s => Assert.Equal(10.0, s));
        Assert.All(list["epochs"].Cast<int>(), e => Assert.Equal(1, e));
        Assert.Equal([("lsh", 1)], StudyFigures.RunsAt(table, 32).Select(r => (r.Method, r.Runs.Count)));

        // The entropy chart draws only the code lengths every method has (32 bits: lsh only, so left out).
        var figure = StudyFigures.MeanEntropy("entropy", "entropy", [.. summaries, new BitUsageSummary("lsh", 32, 1, 0.5, 1, 1, 0)]);
        string html = figure.Interactive!.ToHtml();
        Assert.Contains("\"16 bits\"", html);
        Assert.DoesNotContain("\"32 bits\"", html);
        Assert.Contains("\"itq\"", html);
        Assert.Throws<ArgumentException>(() => StudyFigures.MeanEntropy("e", "e", [new BitUsageSummary("a", 16, 1, 0.5, 1, 1, 0), new BitUsageSummary("b", 32, 1, 0.5, 1, 1, 0)], FigureRenderer.PngOnly));
    }

    private static void WriteUsage(string folder, int bits, Func<int, double> onesRate)
    {
        var lines = new List<string> { "bit,ones_rate,entropy" };
        for (int b = 0; b < bits; b++)
        {
            double p = onesRate(b);
            double h = -(p * Math.Log2(p) + (1 - p) * Math.Log2(1 - p));
            lines.Add(FormattableString.Invariant($"{b},{p:R},{h:R}"));
        }
        File.WriteAllLines(Path.Combine(folder, RunResults.BitUsageFile), lines);
    }
}
