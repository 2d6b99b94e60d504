using Doc2Hash.Hashing.Neural;
using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Training;

namespace Doc2Hash.Tests.Training;

/// <summary>A NaN or infinite loss stops training at once with the epoch, the step and the loss term.</summary>
public class TrainingDivergenceTests
{
    private static readonly Doc2HashConfig Small = new() { Bits = 8, HiddenSize = 32 };
    private static readonly TrainerOptions Quick = new() { Epochs = 2, BatchSize = 20, LearningRate = 5e-3, K = 10 };

    private static TrainingDivergedException Diverges(Doc2HashConfig config, TrainerOptions options, List<StepReport>? steps = null)
    {
        using var model = new Doc2HashModel(config, 200, seed: 1);
        var trainer = new Trainer(options);
        if (steps is not null) trainer.StepCompleted += (_, step) => steps.Add(step);
        return Assert.Throws<TrainingDivergedException>(() => trainer.Fit(model, TinyCorpus.Topics(train: 100)));
    }

    [Fact]
    [BadInput("trainer", "learning rate NaN (--lr nan)", "TrainingDivergedException: Training diverged at epoch 1, step 1: the loss term 'reconstruction' is NaN ...")]
    public void A_nan_learning_rate_stops_at_the_first_step_after_the_weights_turned_nan()
    {
        var steps = new List<StepReport>();
        var error = Diverges(Small, Quick with { LearningRate = double.NaN }, steps);
        // Step 0's loss is computed from the initial weights and is finite; its update writes NaN into every weight.
        Assert.Equal((0, 1L, "reconstruction"), (error.Epoch, error.Step, error.Term));
        Assert.True(double.IsNaN(error.Value));
        Assert.Single(steps);
        Assert.StartsWith("Training diverged at epoch 1, step 1: the loss term 'reconstruction' is NaN.", error.Message);
        Assert.Contains("--lr", error.Message);
    }

    [Fact]
    [BadInput("trainer", "KL weight NaN (--kl-weight nan): every term finite, the weighted total NaN", "TrainingDivergedException: ... step 0: the loss term 'total' is NaN")]
    public void A_nan_kl_weight_is_caught_on_the_total_at_step_0()
    {
        var error = Diverges(Small with { KlWeight = double.NaN }, Quick);
        Assert.Equal((0, 0L, LossTerms.TotalName), (error.Epoch, error.Step, error.Term));
    }

    [Fact]
    [BadInput("trainer", "KL weight +Infinity", "TrainingDivergedException: ... the loss term 'total' is +Infinity")]
    public void An_infinite_kl_weight_is_reported_as_infinity()
    {
        var error = Diverges(Small with { KlWeight = double.PositiveInfinity }, Quick);
        Assert.Equal(LossTerms.TotalName, error.Term);
        Assert.Contains("is +Infinity", error.Message);
    }

    [Fact]
    public void Finite_losses_are_accepted_and_a_non_finite_term_is_named_before_the_total()
    {
        using var generator = new TorchSharp.torch.Generator(1);
        var context = new StepContext(4, 77, generator);
        TrainingDivergedException.ThrowIfNotFinite(context, 1.5, [new("reconstruction", 1.0), new("kl", 0.5)]);
        var error = Assert.Throws<TrainingDivergedException>(() =>
            TrainingDivergedException.ThrowIfNotFinite(context, double.NaN, [new("reconstruction", 1.0), new("kl", double.NegativeInfinity)]));
        Assert.Equal(("kl", 4, 77L), (error.Term, error.Epoch, error.Step));
        Assert.StartsWith("Training diverged at epoch 5, step 77: the loss term 'kl' is -Infinity.", error.Message);
    }
}
