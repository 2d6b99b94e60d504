using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Relaxations.Lab;

/// <summary>
/// Bias and variance of a gradient estimator against the exact gradient: R independent estimates of
/// d E_q[f] / d logits, each from S samples, summarised by <see cref="GradientStatistics"/>.
/// </summary>
public static class EstimatorAnalysis
{
    /// <summary>
    /// Estimates computed inside one <see cref="GcQuietRegion"/>: entering a region costs a collection, so one per
    /// estimate would dominate the run time; 64 small estimates allocate far less than the region's budget.
    /// </summary>
    private const int RepeatsPerQuietRegion = 64;

    /// <summary>
    /// One estimate of d E_q[f] / d logits (same shape as <paramref name="logits"/>): the gradient of the estimator's
    /// surrogate with respect to a detached copy of the logits, so no parameter's <c>.grad</c> is touched.
    /// </summary>
    public static Tensor Estimate(IGradientEstimator estimator, Tensor logits, Func<Tensor, Tensor> loss, int samples, double temperature, Generator generator)
    {
        using var scope = NewDisposeScope();
        var leaf = logits.detach().clone().requires_grad_(true);
        var surrogate = estimator.Surrogate(leaf, loss, samples, temperature, generator);
        return autograd.grad([surrogate], [leaf])[0].detach().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Bias and variance of <paramref name="kind"/> at the given logits: <paramref name="repeats"/> estimates from one
    /// estimator (so a moving-average baseline warms up over the repeats, as in training) and one generator seeded
    /// with <paramref name="seed"/> on the logits' device.
    /// </summary>
    public static GradientStatistics Analyse(BernoulliEstimator kind, Tensor logits, Func<Tensor, Tensor> loss, int samples, double temperature, int repeats, int seed)
    {
        if (repeats < 2) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "Need at least 2 repetitions for a variance.");
        if (samples < BernoulliEstimators.MinimumSamples(kind))
            throw new ArgumentOutOfRangeException(nameof(samples), samples, $"'{BernoulliEstimators.Name(kind)}' needs at least {BernoulliEstimators.MinimumSamples(kind)} samples.");
        double[] exact = ToArray(ExactExpectation.Gradient(logits, loss));
        using var estimator = BernoulliEstimators.Create(kind);
        using var generator = new Generator((ulong)seed, logits.device);
        var estimates = new double[repeats][];
        for (int start = 0; start < repeats; start += RepeatsPerQuietRegion)
        {
            using var quiet = GcQuietRegion.Enter();   // no finalizer may free an implicit Scalar mid-call (GcQuietRegion)
            for (int r = start; r < Math.Min(repeats, start + RepeatsPerQuietRegion); r++)
            {
                using var scope = NewDisposeScope();
                estimates[r] = ToArray(Estimate(estimator, logits, loss, samples, temperature, generator));
            }
        }
        return GradientStatistics.From(kind, samples, temperature, samples * estimator.LossEvaluationsPerSample, estimates, exact);
    }

    /// <summary>Bias and variance of <paramref name="kind"/> on the toy model at its current parameters.</summary>
    public static GradientStatistics Analyse(BernoulliEstimator kind, ToyLatentModel model, int samples, double temperature, int repeats, int seed) =>
        Analyse(kind, model.Logits, model.Loss, samples, temperature, repeats, seed);

    /// <summary>A tensor's values as a flat float64 array on the CPU (disposes the tensor).</summary>
    public static double[] ToArray(Tensor values)
    {
        using (values)
        using (var flat = values.detach().to(ScalarType.Float64).cpu().flatten())
            return flat.data<double>().ToArray();
    }
}
