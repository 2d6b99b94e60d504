using Doc2Hash.Text;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Doc2Hash.Hashing.Classic;

/// <summary>
/// One linear classifier per bit, the out-of-sample step of self-taught hashing (Zhang et al., SIGIR 2010,
/// Section 3.2): bit b of a new document is [w_b . x + c_b > 0]. Each is an L2-regularised squared-hinge linear SVM
/// (<see cref="LinearSvmOptions"/>). The paper trains linear SVMs; the squared hinge is the SVM loss LIBLINEAR uses
/// by default, and unlike the plain hinge it is differentiable, so MathNet.Numerics' L-BFGS (with its Wolfe line
/// search) solves it to a tight, deterministic optimum. The intercept c_b is not regularised. Bits are independent
/// problems and are solved in parallel.
/// </summary>
public sealed class LinearSvm
{
    private LinearSvm(int dimensions, int outputs, double[] weights, double[] biases, int[] iterations)
    {
        InputDimensions = dimensions;
        Outputs = outputs;
        Weights = weights;
        Biases = biases;
        Iterations = iterations;
    }

    public int InputDimensions { get; }

    public int Outputs { get; }

    /// <summary>w_b as the columns of a row-major (d x Outputs) matrix.</summary>
    public double[] Weights { get; }

    /// <summary>c_b, one per output.</summary>
    public double[] Biases { get; }

    /// <summary>L-BFGS iterations each output took (0 after loading).</summary>
    public IReadOnlyList<int> Iterations { get; }

    /// <param name="targets">Row-major (n x outputs) 0/1 labels: 1 is the positive class.</param>
    public static LinearSvm Fit(SparseMatrix x, byte[] targets, int outputs, LinearSvmOptions options)
    {
        if (targets.Length != (long)x.Rows * outputs)
            throw new ArgumentException($"Targets hold {targets.Length} labels; {x.Rows} documents x {outputs} outputs were expected.", nameof(targets));
        int d = x.Columns;
        var transposed = SparseProducts.Transpose(x);
        var weights = new double[(long)d * outputs];
        var biases = new double[outputs];
        var iterations = new int[outputs];
        Parallel.For(0, outputs, b =>
        {
            var signs = Enumerable.Range(0, x.Rows).Select(i => targets[(long)i * outputs + b] != 0 ? 1.0 : -1.0).ToArray();
            var (solution, used) = FitOne(x, transposed, signs, options);
            for (int w = 0; w < d; w++) weights[(long)w * outputs + b] = solution[w];
            biases[b] = solution[d];
            iterations[b] = used;
        });
        return new LinearSvm(d, outputs, weights, biases, iterations);
    }

    /// <summary>Decision values w_b . x + c_b: (n x Outputs, row-major).</summary>
    public double[] Scores(SparseMatrix x)
    {
        if (x.Columns != InputDimensions)
            throw new ArgumentException($"Documents have {x.Columns} columns; the classifiers were trained on {InputDimensions} (use the same vocabulary).", nameof(x));
        var scores = SparseProducts.Times(x, Weights, Outputs);
        for (int i = 0; i < x.Rows; i++) SparseProducts.MultiplyAdd(1, Biases, scores.AsSpan(i * Outputs, Outputs));
        return scores;
    }

    /// <summary>
    /// The objective and its gradient at (w, c), with m_i = max(0, 1 - y_i (w . x_i + c)):
    /// f = 1/2 ||w||^2 + C sum m_i^2, df/dw = w - 2C X^T (y * m), df/dc = -2C sum y_i m_i.
    /// </summary>
    internal static (double Value, double[] Gradient) Objective(SparseMatrix x, SparseMatrix transposed, double[] signs, double c, double[] point)
    {
        int d = x.Columns;
        var scores = new double[x.Rows];
        SparseProducts.TimesVector(x, point.AsSpan(0, d), scores);
        var weightedMargins = new double[x.Rows];
        double value = 0, biasGradient = 0;
        for (int i = 0; i < x.Rows; i++)
        {
            double margin = Math.Max(0, 1 - signs[i] * (scores[i] + point[d]));
            value += c * margin * margin;
            weightedMargins[i] = -2 * c * signs[i] * margin;
            biasGradient += weightedMargins[i];
        }
        var gradient = new double[d + 1];
        SparseProducts.TimesVector(transposed, weightedMargins, gradient.AsSpan(0, d));
        for (int w = 0; w < d; w++)
        {
            value += 0.5 * point[w] * point[w];
            gradient[w] += point[w];
        }
        gradient[d] = biasGradient;
        return (value, gradient);
    }

    private static (double[] Solution, int Iterations) FitOne(SparseMatrix x, SparseMatrix transposed, double[] signs, LinearSvmOptions options)
    {
        var objective = ObjectiveFunction.Gradient(point =>
        {
            var (value, gradient) = Objective(x, transposed, signs, options.C, point.ToArray());
            return (value, Vector<double>.Build.DenseOfArray(gradient));
        });
        var minimizer = new LimitedMemoryBfgsMinimizer(options.GradientTolerance, parameterTolerance: 0, functionProgressTolerance: 0, options.Memory, options.MaxIterations);
        var result = minimizer.FindMinimum(objective, Vector<double>.Build.Dense(x.Columns + 1));
        return (result.MinimizingPoint.ToArray(), result.Iterations);
    }

    internal void Save(BinaryWriter writer)
    {
        writer.Write(InputDimensions);
        writer.Write(Outputs);
        ModelFormat.Write(writer, Weights);
        ModelFormat.Write(writer, Biases);
    }

    internal static LinearSvm Load(BinaryReader reader)
    {
        int d = ModelFormat.ReadPositive(reader, "svm.dimensions");
        int outputs = ModelFormat.ReadPositive(reader, "svm.outputs");
        var weights = ModelFormat.ReadDoubles(reader, (long)d * outputs, "svm.weights");
        var biases = ModelFormat.ReadDoubles(reader, outputs, "svm.biases");
        return new LinearSvm(d, outputs, weights, biases, new int[outputs]);
    }
}
