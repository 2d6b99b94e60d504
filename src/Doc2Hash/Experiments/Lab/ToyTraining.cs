using Doc2Hash.Training;
using TorchSharp;
using static TorchSharp.torch;

using Doc2Hash.Hashing;
using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Hashing.Relaxations.Lab;

namespace Doc2Hash.Experiments.Lab;

/// <summary>How <see cref="ToyTraining.Train"/> trains the toy model.</summary>
public sealed record ToyTrainingOptions
{
    /// <summary>Adam updates.</summary>
    public int Steps { get; init; } = 300;

    /// <summary>S, samples per step (ARM: S antithetic pairs).</summary>
    public int Samples { get; init; } = 1;

    /// <summary>Gumbel-Softmax temperature per step (a fixed 0.5 by default; any <see cref="TemperatureSchedule"/>, e.g. the authors' decay).</summary>
    public TemperatureSchedule Temperature { get; init; } = Fixed(0.5);

    /// <summary>Adam's learning rate (PyTorch's other defaults), for the logits and the decoder alike.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Seed of the sampling generator (the model's own start comes from <see cref="ToyModelOptions.Seed"/>).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>A temperature that never changes.</summary>
    public static TemperatureSchedule Fixed(double temperature) => new() { Initial = temperature, Rate = 1.0, Floor = temperature };
}

/// <summary>An estimator's training curve on the toy model: the exact objective before each step and after the last.</summary>
public sealed record ToyTrainingCurve(BernoulliEstimator Estimator, ToyTrainingOptions Options, IReadOnlyList<double> ExpectedLoss, IReadOnlyList<double> Temperature);

/// <summary>
/// What an estimator does to training: a fresh <see cref="ToyLatentModel"/> (equal options, equal start for every
/// estimator) trained with Adam on the estimator's surrogate, with the exact expected loss (by enumeration, the
/// quantity every estimator tries to minimise) recorded at every step. Relaxed estimators also train the decoder on
/// relaxed codes, which is part of what they do.
/// </summary>
public static class ToyTraining
{
    /// <summary>Steps run inside one <see cref="GcQuietRegion"/> (entering one costs a collection; a toy step allocates little).</summary>
    private const int StepsPerQuietRegion = 32;

    /// <summary>Trains a fresh toy model built from <paramref name="model"/> (equal options, equal start) and returns its curve.</summary>
    public static ToyTrainingCurve Train(ToyModelOptions model, BernoulliEstimator kind, ToyTrainingOptions options, Device? device = null)
    {
        using var toy = new ToyLatentModel(model, device);
        return Train(toy, kind, options);
    }

    /// <summary>
    /// Trains <paramref name="toy"/> in place (the caller keeps it, e.g. to analyse the estimators at the trained point).
    /// </summary>
    public static ToyTrainingCurve Train(ToyLatentModel toy, BernoulliEstimator kind, ToyTrainingOptions options)
    {
        if (options.Steps < 0) throw new ArgumentOutOfRangeException(nameof(options), options.Steps, "Steps must not be negative.");
        if (options.Samples < BernoulliEstimators.MinimumSamples(kind))
            throw new ArgumentOutOfRangeException(nameof(options), options.Samples, $"'{BernoulliEstimators.Name(kind)}' needs at least {BernoulliEstimators.MinimumSamples(kind)} samples per step.");
        using var estimator = BernoulliEstimators.Create(kind);
        using var optimizer = new AdamOptimizer(toy.Parameters, options.LearningRate);
        using var generator = new Generator((ulong)options.Seed, toy.Device);
        var expected = new List<double>(options.Steps + 1) { toy.ExpectedLoss() };
        var temperatures = new List<double>(options.Steps);
        for (int start = 0; start < options.Steps; start += StepsPerQuietRegion)
        {
            using var quiet = GcQuietRegion.Enter();   // no finalizer may free an implicit Scalar mid-call (GcQuietRegion)
            for (int step = start; step < Math.Min(options.Steps, start + StepsPerQuietRegion); step++)
            {
                double tau = options.Temperature.At(step, 0);
                Step(toy, estimator, optimizer, options.Samples, tau, generator);
                temperatures.Add(tau);
                expected.Add(toy.ExpectedLoss());
            }
        }
        return new ToyTrainingCurve(kind, options, expected, temperatures);
    }

    /// <summary>One Adam update on the estimator's surrogate (gradients dropped first, as the kit's Trainer does).</summary>
    private static void Step(ToyLatentModel toy, IGradientEstimator estimator, AdamOptimizer optimizer, int samples, double temperature, Generator generator)
    {
        using var scope = NewDisposeScope();
        foreach (var parameter in toy.Parameters) parameter.grad = null;
        estimator.Surrogate(toy.Logits, toy.Loss, samples, temperature, generator).backward();
        optimizer.Step();
    }
}
