using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Experiments.Lab;
using Doc2Hash.Hashing.Relaxations.Lab;
using Doc2Hash.Tests.Hashing.Relaxations.Lab;

namespace Doc2Hash.Tests.Experiments.Lab;

public class RelaxationLabTests
{
    private static readonly RelaxationLabOptions Quick = new()
    {
        Model = new ToyModelOptions { Bits = 3, Documents = 3, VocabularySize = 8, TokensPerDocument = 10 },
        Samples = [1, 2],
        Temperatures = [0.5, 1.0],
        Repeats = 20,
        TrainingSteps = 6,
        TrainedPointSteps = 5,
    };

    [Fact]
    public void Settings_cover_every_estimator_at_every_sample_count_it_accepts_and_every_temperature_for_gumbel_softmax()
    {
        var settings = RelaxationLab.Settings(Quick);
        // Per S: 5 temperature-free estimators (4 at S = 1: leave-one-out needs 2) + 2 Gumbel-Softmax x 2 temperatures.
        Assert.Equal((4 + 4) + (5 + 4), settings.Count);
        Assert.DoesNotContain(settings, s => s.Estimator == BernoulliEstimator.ReinforceLeaveOneOut && s.Samples == 1);
        Assert.All(settings.Where(s => !BernoulliEstimators.UsesTemperature(s.Estimator)), s => Assert.True(double.IsNaN(s.Temperature)));
    }

    [Fact]
    public void Report_has_a_row_per_setting_at_both_points_and_a_training_row_per_estimator_and_is_reproducible()
    {
        var first = RelaxationLab.Run(Quick);
        var second = RelaxationLab.Run(Quick);
        string markdown = RelaxationLab.Markdown(first);
        Assert.Equal(markdown, RelaxationLab.Markdown(second));
        Assert.Equal(2, first.Points.Count);
        Assert.All(first.Points, p => Assert.Equal(RelaxationLab.Settings(Quick).Count, p.Statistics.Count));
        Assert.True(first.Points[1].ExpectedLoss < first.Points[0].ExpectedLoss, "ARM training did not lower the exact loss");
        Assert.Equal(5 + 2 * 2, first.Training.Count);   // leave-one-out trains too (S = 2 per step)
        Assert.Contains("| arm | 2 | - | 4 |", markdown);
        Assert.Contains("| gs-st | 1 | 0.5 | 1 |", markdown);
        Assert.Contains("--repeats 20 --steps 6 --trained-steps 5", markdown);
    }

    [Fact]
    public void Bad_options_are_refused_with_what_to_give()
    {
        var error = Assert.Throws<ArgumentException>(() => RelaxationLab.Run(Quick with { Temperatures = [0.5, 0] }));
        Assert.Contains("temperature", error.Message);
    }
}
