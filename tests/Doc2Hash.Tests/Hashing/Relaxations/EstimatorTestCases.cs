using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Hashing.Relaxations.Lab;
using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Hashing.Relaxations;

/// <summary>
/// Shared cases for the estimator tests. Many independent estimates come from ONE surrogate call: the logits are
/// repeated over R batch positions, the loss treats every position alike, and the gradient of the surrogate with
/// respect to position r is the r-th estimate (the surrogate sums positions), so R estimates cost one backward pass.
/// </summary>
internal static class EstimatorTestCases
{
    /// <summary>Three bits, q = sigmoid(0.5, -1, 2) = (0.62, 0.27, 0.88): no bit is near 1/2, so biases show.</summary>
    public static readonly double[] Phi = [0.5, -1.0, 2.0];

    /// <summary>A non-linear loss with an offset of 5 (which inflates REINFORCE without baseline): (z.a - 1.5)^2 + 3 z1 z3 + 5, a = (1, 2, -1).</summary>
    public static Tensor NonLinearLoss(Tensor z)
    {
        var a = tensor(new double[] { 1, 2, -1 }, dtype: ScalarType.Float64);
        var s = z.matmul(a) - 1.5;
        return s * s + 3 * z.select(-1, 0) * z.select(-1, 2) + 5;
    }

    /// <summary>The exact gradient of E_q[f] at <paramref name="phi"/> (enumeration; itself checked by hand in ExactExpectationTests).</summary>
    public static double[] Exact(double[] phi, Func<Tensor, Tensor> loss)
    {
        using var scope = NewDisposeScope();
        return EstimatorAnalysis.ToArray(ExactExpectation.Gradient(tensor(phi, dtype: ScalarType.Float64), loss));
    }

    /// <summary><paramref name="calls"/> x <paramref name="positions"/> estimates (rows) from <paramref name="estimator"/>, each from S samples.</summary>
    public static double[][] Estimates(IGradientEstimator estimator, double[] phi, Func<Tensor, Tensor> loss, int samples, int positions, double temperature = 1.0, int seed = 1, int calls = 1)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)seed);
        var logits = tensor(phi, dtype: ScalarType.Float64).unsqueeze(0).expand(positions, phi.Length).contiguous();   // (R, L)
        var rows = new List<double[]>();
        for (int c = 0; c < calls; c++)
        {
            var flat = EstimatorAnalysis.ToArray(EstimatorAnalysis.Estimate(estimator, logits, loss, samples, temperature, generator));
            rows.AddRange(Enumerable.Range(0, positions).Select(r => flat.AsSpan(r * phi.Length, phi.Length).ToArray()));
        }
        return [.. rows];
    }

    /// <summary>Per coordinate: the mean of the rows and its standard error (sample standard deviation / sqrt(R)).</summary>
    public static (double[] Mean, double[] StandardError) MeanAndStandardError(double[][] rows)
    {
        int n = rows[0].Length, r = rows.Length;
        var mean = Enumerable.Range(0, n).Select(j => rows.Average(row => row[j])).ToArray();
        var se = Enumerable.Range(0, n).Select(j => Math.Sqrt(rows.Sum(row => (row[j] - mean[j]) * (row[j] - mean[j])) / (r - 1) / r)).ToArray();
        return (mean, se);
    }

    /// <summary>The largest |mean - expected| / standard error over coordinates.</summary>
    public static double LargestZScore(double[][] rows, double[] expected)
    {
        var (mean, se) = MeanAndStandardError(rows);
        return mean.Select((m, j) => Math.Abs(m - expected[j]) / se[j]).Max();
    }

    /// <summary>Trace of the sample covariance of the rows.</summary>
    public static double TotalVariance(double[][] rows)
    {
        var (_, se) = MeanAndStandardError(rows);
        return se.Sum(s => s * s * rows.Length);
    }
}
