using System.Diagnostics;
using System.Globalization;
using System.Text;
using Doc2Hash.IO;

using Doc2Hash.Hashing;
using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Hashing.Relaxations.Lab;

namespace Doc2Hash.Experiments.Lab;

/// <summary>What <see cref="RelaxationLab.Run"/> measures. Defaults: the headline settings of results/relaxation-lab.md.</summary>
public sealed record RelaxationLabOptions
{
    /// <summary>The toy model (10 bits, 16 documents, 32 words by default), analysed at its seeded starting point.</summary>
    public ToyModelOptions Model { get; init; } = new();

    /// <summary>S values: samples per estimate (ARM: antithetic pairs).</summary>
    public IReadOnlyList<int> Samples { get; init; } = [1, 10];

    /// <summary>Temperatures for the Gumbel-Softmax estimators (the others do not use one).</summary>
    public IReadOnlyList<double> Temperatures { get; init; } = [0.5, 1.0];

    /// <summary>R, independent estimates per setting.</summary>
    public int Repeats { get; init; } = 1000;

    /// <summary>Seed of every setting's sampling generator (common random numbers across settings).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Adam steps of the training comparison (0 skips it).</summary>
    public int TrainingSteps { get; init; } = 1000;

    /// <summary>Samples per training step (2, the least the leave-one-out baseline accepts).</summary>
    public int TrainingSamples { get; init; } = 2;

    /// <summary>Adam's learning rate in the training comparison.</summary>
    public double TrainingLearningRate { get; init; } = 0.05;

    /// <summary>
    /// ARM training steps (unbiased, so no estimator's own bias shapes the point) that lead to the second point where
    /// bias and variance are measured; there the bits are far from 1/2, where the biased estimators are off most. 0 skips it.
    /// </summary>
    public int TrainedPointSteps { get; init; } = 300;
}

/// <summary>Bias and variance of every setting at one point of the toy model's parameter space.</summary>
/// <param name="Description">Where the point is ("the seeded starting point", "after 300 ARM steps").</param>
/// <param name="ExpectedLoss">The exact objective there.</param>
/// <param name="MeanAbsoluteLogit">mean |phi|: 0 means every bit at q = 1/2, 3 means q near 0.05 or 0.95.</param>
/// <param name="Statistics">One row per setting of <see cref="RelaxationLab.Settings"/>.</param>
public sealed record LabPoint(string Description, double ExpectedLoss, double MeanAbsoluteLogit, IReadOnlyList<GradientStatistics> Statistics);

/// <summary>Everything one lab run measured.</summary>
public sealed record RelaxationLabResult(
    RelaxationLabOptions Options,
    IReadOnlyList<LabPoint> Points,
    IReadOnlyList<ToyTrainingCurve> Training,
    double Seconds);

/// <summary>
/// The relaxation lab's headline measurement: bias and variance of every <see cref="BernoulliEstimator"/> against the
/// exact gradient of the toy model (per S, and per temperature for the Gumbel-Softmax pair), and the exact expected
/// loss reached when the toy model is trained with each one; rendered as the Markdown of results/relaxation-lab.md.
/// </summary>
public static class RelaxationLab
{
    /// <summary>The settings measured: every estimator at every S it accepts, the Gumbel-Softmax pair at every temperature.</summary>
    public static IReadOnlyList<(BernoulliEstimator Estimator, int Samples, double Temperature)> Settings(RelaxationLabOptions options) =>
        [.. from s in options.Samples
            from kind in BernoulliEstimators.All
            where s >= BernoulliEstimators.MinimumSamples(kind)
            from tau in BernoulliEstimators.UsesTemperature(kind) ? options.Temperatures : [double.NaN]
            select (kind, s, tau)];

    public static RelaxationLabResult Run(RelaxationLabOptions options, Action<string>? progress = null)
    {
        Validate(options);
        var clock = Stopwatch.StartNew();
        using var model = new ToyLatentModel(options.Model);
        var points = new List<LabPoint> { Measure(model, "the seeded starting point", options, progress) };
        if (options.TrainedPointSteps > 0)
        {
            progress?.Invoke($"training to the second point: arm, {options.TrainedPointSteps} steps");
            ToyTraining.Train(model, BernoulliEstimator.Arm, TrainingOptions(options, options.TrainedPointSteps, double.NaN));
            points.Add(Measure(model, F($"the point reached by {options.TrainedPointSteps} ARM training steps"), options, progress));
        }
        var curves = new List<ToyTrainingCurve>();
        if (options.TrainingSteps > 0)
            foreach (var kind in BernoulliEstimators.All.Where(k => options.TrainingSamples >= BernoulliEstimators.MinimumSamples(k)))
                foreach (double tau in BernoulliEstimators.UsesTemperature(kind) ? options.Temperatures : [double.NaN])
                {
                    progress?.Invoke($"training: {Describe(kind, tau)}, {options.TrainingSteps} steps");
                    curves.Add(ToyTraining.Train(options.Model, kind, TrainingOptions(options, options.TrainingSteps, tau)));
                }
        return new RelaxationLabResult(options, points, curves, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Every setting's bias and variance at the model's current parameters.</summary>
    private static LabPoint Measure(ToyLatentModel model, string description, RelaxationLabOptions options, Action<string>? progress)
    {
        var statistics = new List<GradientStatistics>();
        foreach (var (kind, samples, tau) in Settings(options))
        {
            progress?.Invoke($"gradient at {description}: {Describe(kind, tau)}, S = {samples}, R = {options.Repeats}");
            statistics.Add(EstimatorAnalysis.Analyse(kind, model, samples, double.IsNaN(tau) ? 1.0 : tau, options.Repeats, options.Seed) with { Temperature = tau });
        }
        using var meanAbsolute = model.Logits.detach().abs().mean();
        return new LabPoint(description, model.ExpectedLoss(), meanAbsolute.item<double>(), statistics);
    }

    private static ToyTrainingOptions TrainingOptions(RelaxationLabOptions options, int steps, double tau) => new()
    {
        Steps = steps,
        Samples = options.TrainingSamples,
        Temperature = ToyTrainingOptions.Fixed(double.IsNaN(tau) ? 1.0 : tau),
        LearningRate = options.TrainingLearningRate,
        Seed = options.Seed,
    };

    /// <summary>The Markdown report (no timestamps or timings: equal options give an identical file).</summary>
    public static string Markdown(RelaxationLabResult result)
    {
        var o = result.Options;
        var m = o.Model;
        var sb = new StringBuilder();
        sb.AppendLine("# Relaxation lab: gradient estimators for Bernoulli latents against the exact gradient");
        sb.AppendLine();
        sb.AppendLine(F($"Generated by `doc2hash lab estimators --bits {m.Bits} --samples {string.Join(',', o.Samples)} --temperatures {string.Join(',', o.Temperatures.Select(t => F($"{t}")))} --repeats {o.Repeats} --steps {o.TrainingSteps} --trained-steps {o.TrainedPointSteps} --seed {o.Seed}` (never typed by hand)."));
        sb.AppendLine();
        sb.AppendLine(F($"Toy model (`ToyLatentModel`): {m.Documents} documents of {m.TokensPerDocument} tokens over {m.VocabularySize} words, drawn from a seeded ({m.Seed}) linear decoder of {m.Bits} true bits; each document has its own {m.Bits} Bernoulli logits, a linear decoder + log-softmax, loss = mean per-document negative log-likelihood (nats). The exact gradient (w.r.t. the {m.Documents} x {m.Bits} logits) comes from enumerating all {1 << m.Bits} codes."));
        sb.AppendLine();
        sb.AppendLine(F($"R = {o.Repeats} independent estimates per row. *cosine*: cos(mean estimate, exact); *rel. distance*: |mean - exact| / |exact|; *noise floor*: the relative distance sampling error alone gives (sqrt(trace / R) / |exact|; a distance well above it is bias); *single cosine*: mean cos(one estimate, exact); *rel. variance*: trace of the covariance / |exact|^2; *rel. MSE*: mean |estimate - exact|^2 / |exact|^2. *loss calls*: codes evaluated per estimate and document (ARM: S antithetic pairs). Every row uses the same seed (common random numbers)."));
        foreach (var point in result.Points)
        {
            sb.AppendLine();
            sb.AppendLine(F($"## Bias and variance at {point.Description}"));
            sb.AppendLine();
            sb.AppendLine(F($"Exact expected loss {point.ExpectedLoss:F3}; mean |logit| {point.MeanAbsoluteLogit:F2}."));
            sb.AppendLine();
            sb.AppendLine("| estimator | S | tau | loss calls | cosine | rel. distance | noise floor | single cosine | rel. variance | rel. MSE |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var s in point.Statistics)
                sb.AppendLine(F($"| {BernoulliEstimators.Name(s.Estimator)} | {s.Samples} | {Tau(s.Temperature)} | {s.LossEvaluations} | {s.Cosine:F4} | {s.RelativeDistance:F4} | {s.NoiseFloor:F4} | {s.MeanSingleCosine:F4} | {G(s.RelativeVariance)} | {G(s.RelativeMeanSquaredError)} |"));
        }
        sb.AppendLine();
        sb.AppendLine(F($"`reinforce-loo` needs S >= 2 (leave-one-out baseline). `reinforce-ema`: moving average (decay 0.9) of each document's past losses, warmed up over the R repeats."));
        if (result.Training.Count > 0)
        {
            int steps = o.TrainingSteps;
            int[] marks = [0, steps / 10, steps / 3, steps];
            sb.AppendLine();
            sb.AppendLine("## Training the toy model with each estimator");
            sb.AppendLine();
            sb.AppendLine(F($"Adam (lr {o.TrainingLearningRate}) on the logits and the decoder, S = {o.TrainingSamples} per step, fixed temperature, same start and seed for every estimator. Cells: the exact expected loss (nats per document, by enumeration) after the given number of steps."));
            sb.AppendLine();
            sb.AppendLine("| estimator | tau | " + string.Join(" | ", marks.Select(k => F($"step {k}"))) + " | best |");
            sb.AppendLine("|---|---:|" + string.Concat(marks.Select(_ => "---:|")) + "---:|");
            foreach (var c in result.Training)
            {
                double tau = BernoulliEstimators.UsesTemperature(c.Estimator) ? c.Temperature[0] : double.NaN;
                sb.AppendLine(F($"| {BernoulliEstimators.Name(c.Estimator)} | {Tau(tau)} | ") + string.Join(" | ", marks.Select(k => F($"{c.ExpectedLoss[k]:F3}"))) + F($" | {c.ExpectedLoss.Min():F3} |"));
            }
        }
        return sb.ToString();
    }

    /// <summary>Writes the report atomically (a generated file, so an existing one is replaced).</summary>
    public static void Write(string path, RelaxationLabResult result) => AtomicFile.WriteAllText(path, Markdown(result));

    private static void Validate(RelaxationLabOptions options)
    {
        options.Model.Validate();
        if (options.Samples.Count == 0 || options.Samples.Any(s => s < 1)) throw new ArgumentException("Give at least one sample count, each >= 1 (e.g. 1,10).");
        if (options.Temperatures.Count == 0 || options.Temperatures.Any(t => !(t > 0))) throw new ArgumentException("Give at least one temperature, each > 0 (e.g. 0.5,1).");
        if (options.Repeats < 2) throw new ArgumentException($"Repeats must be at least 2 for a variance (got {options.Repeats}).");
        if (options.TrainingSteps < 0) throw new ArgumentException($"Training steps must not be negative (got {options.TrainingSteps}).");
        if (options.TrainingSamples < 1) throw new ArgumentException($"Training samples must be at least 1 (got {options.TrainingSamples}).");
    }

    private static string Describe(BernoulliEstimator kind, double tau) =>
        BernoulliEstimators.Name(kind) + (double.IsNaN(tau) ? "" : F($" (tau {tau})"));

    private static string Tau(double tau) => double.IsNaN(tau) ? "-" : F($"{tau}");

    /// <summary>Four significant digits, whatever the magnitude (variances span several decades).</summary>
    private static string G(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
