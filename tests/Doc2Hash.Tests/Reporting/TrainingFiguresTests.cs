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
    public void No_epochs_is_a_clear_error()
    {
        var e = Assert.Throws<ArgumentException>(() => TrainingFigures.Schedules("tau", []));
        Assert.Contains("No epochs", e.Message);
    }
}
