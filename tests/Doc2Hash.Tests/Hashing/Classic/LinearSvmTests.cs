using Doc2Hash.Hashing.Classic;
using Doc2Hash.Text;

namespace Doc2Hash.Tests.Hashing.Classic;

public class LinearSvmTests
{
    [Fact]
    public void Gradient_matches_finite_differences()
    {
        var x = ClassicFixtures.RandomSparse(30, 12, 0.4, seed: 2);
        var random = new Random(4);
        var signs = Enumerable.Range(0, 30).Select(_ => random.Next(2) == 0 ? -1.0 : 1.0).ToArray();
        var point = Enumerable.Range(0, 13).Select(_ => random.NextDouble() - 0.5).ToArray();
        var transposed = SparseMatrixTranspose(x);

        var (_, gradient) = LinearSvm.Objective(x, transposed, signs, 0.7, point);

        const double h = 1e-6;
        for (int p = 0; p < point.Length; p++)
        {
            var up = (double[])point.Clone();
            var down = (double[])point.Clone();
            up[p] += h;
            down[p] -= h;
            double numeric = (LinearSvm.Objective(x, transposed, signs, 0.7, up).Value - LinearSvm.Objective(x, transposed, signs, 0.7, down).Value) / (2 * h);
            Assert.Equal(numeric, gradient[p], 5);
        }
    }

    [Fact]
    public void Trained_classifiers_reach_a_stationary_point_and_separate_separable_labels()
    {
        // Output 0: word 0 weight above word 1 weight; output 1: the reverse. Linearly separable by construction.
        var x = ClassicFixtures.RandomSparse(200, 6, 0.9, seed: 8);
        var dense = x.ToDense();
        var targets = new byte[200 * 2];
        for (int i = 0; i < 200; i++)
        {
            targets[i * 2] = dense[i, 0] > dense[i, 1] ? (byte)1 : (byte)0;
            targets[i * 2 + 1] = (byte)(1 - targets[i * 2]);
        }

        var svm = LinearSvm.Fit(x, targets, 2, new LinearSvmOptions { C = 100 });

        var scores = svm.Scores(x);
        int wrong = Enumerable.Range(0, 400).Count(i => scores[i] > 0 != (targets[i] == 1));
        Assert.True(wrong <= 4, $"{wrong} of 400 training labels wrong on separable data");
        var transposed = SparseMatrixTranspose(x);
        for (int b = 0; b < 2; b++)
        {
            var point = Enumerable.Range(0, 6).Select(w => svm.Weights[w * 2 + b]).Append(svm.Biases[b]).ToArray();
            var signs = Enumerable.Range(0, 200).Select(i => targets[i * 2 + b] == 1 ? 1.0 : -1.0).ToArray();
            var (value, gradient) = LinearSvm.Objective(x, transposed, signs, 100, point);
            var (start, startGradient) = LinearSvm.Objective(x, transposed, signs, 100, new double[7]);
            Assert.True(value < start);
            Assert.True(gradient.Max(Math.Abs) < 1e-3 * startGradient.Max(Math.Abs), $"output {b}: gradient {gradient.Max(Math.Abs):E2} is not near zero");
        }
    }

    private static SparseMatrix SparseMatrixTranspose(SparseMatrix x) => SparseMatrix.FromDense(Transpose(x.ToDense()));

    private static float[,] Transpose(float[,] a)
    {
        var t = new float[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) t[j, i] = a[i, j];
        return t;
    }
}
