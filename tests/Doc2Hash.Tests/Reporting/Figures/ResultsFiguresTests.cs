using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Reporting.Figures;

namespace Doc2Hash.Tests.Reporting.Figures;

public class ResultsFiguresTests
{
    private static void Run(string runs, string dataset, int bits, int seed, double testPrecision)
    {
        var config = MethodCatalog.Configure(Doc2HashMethod.MethodName, dataset, bits, new Dictionary<string, string> { ["seed"] = $"{seed}" });
        var started = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(bits * 10 + seed);
        var folder = RunFolder.Create(runs, config, started);
        var summary = new RunSummary(config.Method, dataset, bits, seed, "cpu", new Dictionary<string, string>(), null, "validation", 100,
            1, 1, testPrecision, testPrecision, 1, 1, started, started.AddMinutes(1), false);
        folder.WriteSummary(summary);
    }

    [Fact]
    public void One_figure_per_dataset_with_the_seed_mean_and_standard_deviation()
    {
        string runs = Path.Combine(Path.GetTempPath(), "doc2hash-figures", Guid.NewGuid().ToString("N"));
        Run(runs, "ng20", 16, 1, 0.5);
        Run(runs, "ng20", 16, 2, 0.7);
        Run(runs, "ng20", 32, 1, 0.625);
        Run(runs, "reuters", 16, 1, 0.8);

        var figures = ResultsFigures.PrecisionVsBits(RunRecord.Scan(runs));

        Assert.Equal(["ng20-p100-vs-bits", "reuters-p100-vs-bits"], figures.Select(f => f.Name));
        string html = figures[0].Interactive!.ToHtml();
        // 16 bits: seeds 0.5 and 0.7 -> mean 0.6, sample std sqrt(0.02) = 0.1414...; 32 bits: one seed, std 0.
        Assert.Contains("\"y\":[0.6,0.625]", html);
        Assert.Contains("0.1414213562", html);
        Assert.Contains("\"x\":[4.0,5.0]", html);
    }
}
