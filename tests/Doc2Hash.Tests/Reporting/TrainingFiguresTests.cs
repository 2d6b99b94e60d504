using Doc2Hash.Reporting;
using Doc2Hash.Reporting.Figures;
using Doc2Hash.Training;
using Xunit;

namespace Doc2Hash.Tests.Reporting;

public class TrainingFiguresTests
{
    private static readonly IReadOnlyList<EpochReport> History =
    [
        new(0, 1.0, 0.1, new Dictionary<string, double> { ["reconstruction"] = 900, ["kl"] = 3 }, new Dictionary<string, double> { ["tau"] = 0.5 }, 0.10, true),
        new(1, 1.0, 0.1, new Dictionary<string, double> { ["reconstruction"] = 800, ["kl"] = 4 }, new Dictionary<string, double> { ["tau"] = 0.1 }, 0.20, true),
    ];

    [Fact]
    public void Every_loss_term_becomes_a_curve()
    {
        var figure = TrainingFigures.LossTerms("loss", History);
        Assert.Equal("loss", figure.Name);
        string html = figure.Interactive!.ToHtml();
        Assert.Contains("\"reconstruction\"", html);
        Assert.Contains("\"kl\"", html);
        Assert.DoesNotContain("\"tau\"", html);
    }

    [Fact]
    public void Per_bit_kl_statistics_get_their_own_figure_and_stay_out_of_the_loss_terms()
    {
        IReadOnlyList<EpochReport> history =
        [
            new(0, 1.0, 0.1, new Dictionary<string, double> { ["reconstruction"] = 900, ["kl_per_bit"] = 0.001, ["collapsed_bits"] = 1.0 }, new Dictionary<string, double>(), 0.10, true),
        ];
        string loss = TrainingFigures.LossTerms("loss", history).Interactive!.ToHtml();
        Assert.Contains("\"reconstruction\"", loss);
        Assert.DoesNotContain("\"collapsed_bits\"", loss);
        string collapse = TrainingFigures.BitCollapseCurves("collapse", history).Interactive!.ToHtml();
        Assert.Contains("\"collapsed_bits\"", collapse);
        Assert.Contains("\"kl_per_bit\"", collapse);
        Assert.DoesNotContain("\"reconstruction\"", collapse);
        Assert.Contains("no per-bit KL statistics", Assert.Throws<ArgumentException>(() => TrainingFigures.BitCollapseCurves("x", History)).Message);
    }

    [Fact]
    public void No_epochs_is_a_clear_error()
    {
        var e = Assert.Throws<ArgumentException>(() => TrainingFigures.Schedules("tau", []));
        Assert.Contains("No epochs", e.Message);
    }
}
