using System.Globalization;
using Doc2Hash.Data;
using Doc2Hash.Experiments;
using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Reporting;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Experiments;

public class ReproductionTests
{
    private static ReproductionPlan TinyPlan() => new()
    {
        Datasets = ["tiny"],
        Bits = [8, 16],
        KlForms = [KlForm.AuthorsFlatSoftmax],
        Epochs = 1,
        RunsDirectory = Path.Combine(Path.GetTempPath(), "doc2hash-tests", Guid.NewGuid().ToString("N")),
    };

    private static PreparedDataset Tiny(string name) =>
        new(TinyCorpus.Topics(train: 200) with { Name = name }, "tiny-source", "tiny-preprocessing", FromCache: false, "test corpus", TimeSpan.Zero);

    [Fact]
    public void A_second_reproduction_skips_finished_runs_and_an_interrupted_one_is_resumed()
    {
        var plan = TinyPlan();
        var log = new List<string>();

        var first = Reproduction.Run(plan, Tiny, log.Add);
        Assert.Equal(2, first.Count);
        Assert.Equal(2, log.Count(line => line.EndsWith(": training", StringComparison.Ordinal)));

        log.Clear();
        var second = Reproduction.Run(plan, Tiny, log.Add);
        Assert.Equal(2, log.Count(line => line.EndsWith("(skipped)", StringComparison.Ordinal)));
        Assert.Equal(first.Select(r => r.Folder.Path), second.Select(r => r.Folder.Path));

        File.Delete(Path.Combine(first[0].Folder.Path, RunFolder.SummaryFile));   // as if killed before the end
        log.Clear();
        var third = Reproduction.Run(plan, Tiny, log.Add);
        Assert.Single(log, line => line.Contains("resuming", StringComparison.Ordinal));
        Assert.Equal(2, third.Count(r => r.Finished));
    }

    [Fact]
    public void The_precision_table_is_generated_from_the_run_summaries()
    {
        var plan = TinyPlan();
        var runs = Reproduction.Run(plan, Tiny, _ => { });

        string table = ResultsTable.Markdown(runs);

        string Cell(int bits) => runs.Single(r => r.Config.Bits == bits).Summary!.TestPrecision.ToString("0.0000", CultureInfo.InvariantCulture);
        Assert.Contains($"| tiny | doc2hash | authors | adam | 1 | {Cell(8)} | {Cell(16)} |", table);
        Assert.Contains("| 8 bits | 16 bits |", table);
        string[] csv = ResultsTable.Csv(runs).Trim().Split('\n');
        Assert.Equal(3, csv.Length);   // header + one line per run
        Assert.StartsWith("dataset,method,kl_form,optimizer,bits,", csv[0]);
    }
}
