namespace Doc2Hash.Hashing.Relaxations.Lab;

/// <summary>
/// How R independent estimates g_1..g_R of a gradient compare with the exact gradient g* (all flattened to vectors).
/// Bias: the mean estimate m = mean_r g_r against g* (<see cref="Cosine"/>, <see cref="RelativeDistance"/>); an unbiased
/// estimator still shows a relative distance of about <see cref="NoiseFloor"/> from sampling error alone, so a
/// relative distance well above the noise floor is bias. Variance: the trace of the covariance of the g_r and the mean
/// squared error to g* (= squared bias + trace for large R).
/// </summary>
/// <param name="Estimator">Which estimator.</param>
/// <param name="Samples">S, samples per estimate (ARM: S antithetic pairs).</param>
/// <param name="Temperature">tau (only the Gumbel-Softmax estimators use it).</param>
/// <param name="Repeats">R, independent estimates.</param>
/// <param name="LossEvaluations">Calls of the loss on one code per estimate and position (S, or 2S for ARM).</param>
/// <param name="ExactNorm">|g*|.</param>
/// <param name="Cosine">cos(m, g*): 1 = the mean estimate points the exact way.</param>
/// <param name="RelativeDistance">|m - g*| / |g*|.</param>
/// <param name="NoiseFloor">sqrt(trace / R) / |g*|: the relative distance sampling error alone gives (its root-mean-square).</param>
/// <param name="MeanSingleCosine">mean_r cos(g_r, g*): how well one estimate points.</param>
/// <param name="TotalVariance">trace of the covariance of the g_r (sample covariance, R - 1 in the denominator).</param>
/// <param name="MeanSquaredError">mean_r |g_r - g*|^2.</param>
public sealed record GradientStatistics(
    BernoulliEstimator Estimator,
    int Samples,
    double Temperature,
    int Repeats,
    int LossEvaluations,
    double ExactNorm,
    double Cosine,
    double RelativeDistance,
    double NoiseFloor,
    double MeanSingleCosine,
    double TotalVariance,
    double MeanSquaredError)
{
    /// <summary>trace / |g*|^2: variance on the scale of the gradient (1 = the noise is as large as the signal).</summary>
    public double RelativeVariance => TotalVariance / (ExactNorm * ExactNorm);

    /// <summary>MSE / |g*|^2.</summary>
    public double RelativeMeanSquaredError => MeanSquaredError / (ExactNorm * ExactNorm);

    /// <summary>Summarises R estimates (rows of <paramref name="estimates"/>) against <paramref name="exact"/>.</summary>
    public static GradientStatistics From(BernoulliEstimator estimator, int samples, double temperature, int lossEvaluations, IReadOnlyList<double[]> estimates, double[] exact)
    {
        int repeats = estimates.Count, n = exact.Length;
        if (repeats < 2) throw new ArgumentException("Need at least two estimates for a variance.", nameof(estimates));
        if (estimates.Any(e => e.Length != n)) throw new ArgumentException($"Every estimate must have the exact gradient's {n} entries.", nameof(estimates));
        var mean = new double[n];
        foreach (var g in estimates)
            for (int j = 0; j < n; j++) mean[j] += g[j] / repeats;
        double trace = 0, squaredError = 0, singleCosine = 0;
        foreach (var g in estimates)
        {
            for (int j = 0; j < n; j++)
            {
                trace += (g[j] - mean[j]) * (g[j] - mean[j]);
                squaredError += (g[j] - exact[j]) * (g[j] - exact[j]);
            }
            singleCosine += CosineOf(g, exact);
        }
        trace /= repeats - 1;
        double exactNorm = Norm(exact);
        return new GradientStatistics(estimator, samples, temperature, repeats, lossEvaluations, exactNorm,
            CosineOf(mean, exact), Distance(mean, exact) / exactNorm, Math.Sqrt(trace / repeats) / exactNorm,
            singleCosine / repeats, trace, squaredError / repeats);
    }

    /// <summary>a.b / (|a| |b|); 0 when either is the zero vector.</summary>
    public static double CosineOf(double[] a, double[] b)
    {
        double dot = 0;
        for (int j = 0; j < a.Length; j++) dot += a[j] * b[j];
        double norms = Norm(a) * Norm(b);
        return norms == 0 ? 0 : dot / norms;
    }

    private static double Norm(double[] a) => Math.Sqrt(a.Sum(x => x * x));

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
}
