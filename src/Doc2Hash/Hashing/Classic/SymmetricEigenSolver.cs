namespace Doc2Hash.Hashing.Classic;

/// <summary>
/// The wanted eigenpairs: values in decreasing order, unit eigenvectors as the columns of a row-major (n x Count)
/// matrix, and the largest residual ||A u - theta u|| relative to the largest eigenvalue found.
/// </summary>
public sealed record EigenPairs(double[] Values, double[] Vectors, int Count, double MaxResidual, int Restarts);

/// <summary>
/// The largest eigenpairs of a large sparse symmetric operator, given only its product with dense blocks. A restarted
/// block Krylov method (block Lanczos with full reorthogonalisation; Golub and Van Loan, Matrix Computations, 4th ed.,
/// Section 10.3.6): build an orthonormal basis Q of [V, AV, ..., A^(q-1) V] by block Gram-Schmidt (LAPACK QR),
/// solve the small projected problem Q^T A Q with LAPACK's dense symmetric eigen-solver (Rayleigh-Ritz), restart from
/// the best Ritz vectors until every wanted residual ||A u - theta u|| is below the tolerance times the largest Ritz
/// value (the operators here are positive semi-definite or have spectral radius 1). Krylov spaces are
/// shift-invariant, so the eigenvalues need no sign or shift. Small operators are decomposed densely.
/// </summary>
public static class SymmetricEigenSolver
{
    /// <param name="apply">A times an (n x width) row-major block, returning (n x width).</param>
    public static EigenPairs Largest(Func<double[], int, double[]> apply, int n, int count, EigenSolverOptions options, long seed)
    {
        if (count < 1 || count > n)
            throw new ArgumentOutOfRangeException(nameof(count), $"Asked for {count} eigenpairs of an operator of order {n}.");
        int width = Math.Min(count + options.Oversampling, n);
        if (n <= options.DenseLimit || (long)width * options.KrylovBlocks >= n / 2)
            return Dense(apply, n, count);
        var v = DenseLinearAlgebra.OrthonormalColumns(DenseLinearAlgebra.Gaussian(n, width, seed), n, width);
        int m = width * options.KrylovBlocks;
        var q = new double[(long)n * m];      // Q = [Q_0, ..., Q_(q-1)]: (n x m), reused by every restart
        var aq = new double[(long)n * m];     // A Q
        double residual = double.PositiveInfinity;
        for (int restart = 0; restart <= options.MaxRestarts; restart++)
        {
            FillKrylovBasis(apply, v, q, aq, n, width, options.KrylovBlocks);
            var h = DenseLinearAlgebra.TransposeTimes(q, aq, n, m, m);          // Q^T A Q: (m x m)
            Symmetrise(h, m);
            var (values, vectors) = DenseLinearAlgebra.SymmetricEigen(h, m);
            var top = Columns(vectors, m, Enumerable.Range(0, width).Select(c => m - 1 - c).ToArray());   // largest first
            var ritzValues = Enumerable.Range(0, width).Select(c => values[m - 1 - c]).ToArray();
            var u = DenseLinearAlgebra.Times(q, top, n, m, width);
            var au = DenseLinearAlgebra.Times(aq, top, n, m, width);
            residual = MaxResidual(u, au, ritzValues, n, width, count) / Math.Max(Math.Abs(ritzValues[0]), double.Epsilon);
            if (residual <= options.Tolerance)
                return new EigenPairs(ritzValues[..count], Columns(u, n, width, count), count, residual, restart);
            v = DenseLinearAlgebra.OrthonormalColumns(u, n, width);
        }
        throw new InvalidOperationException(
            $"The block Krylov eigen-solver did not converge in {options.MaxRestarts} restarts (largest residual {residual:E2}, tolerance {options.Tolerance:E2}). Raise MaxRestarts or KrylovBlocks, or loosen the tolerance.");
    }

    /// <summary>The whole operator as a dense matrix, decomposed by LAPACK: for small orders and as a reference in tests.</summary>
    public static EigenPairs Dense(Func<double[], int, double[]> apply, int n, int count)
    {
        var identity = new double[(long)n * n];
        for (int i = 0; i < n; i++) identity[(long)i * n + i] = 1;
        var a = apply(identity, n);
        Symmetrise(a, n);
        var (values, vectors) = DenseLinearAlgebra.SymmetricEigen(a, n);
        var order = Enumerable.Range(0, count).Select(c => n - 1 - c).ToArray();
        var u = Columns(vectors, n, order);
        var au = apply(u, count);
        var ritzValues = order.Select(c => values[c]).ToArray();
        double scale = Math.Max(Math.Abs(values[n - 1]), Math.Abs(values[0]));
        return new EigenPairs(ritzValues, u, count, MaxResidual(u, au, ritzValues, n, count, count) / Math.Max(scale, double.Epsilon), 0);
    }

    /// <summary>
    /// Fills Q with orthonormal blocks Q_0 = V, Q_j = orth(A Q_(j-1) minus its projection on Q_0..Q_(j-1)), and AQ with
    /// the products A Q_j.
    /// </summary>
    private static void FillKrylovBasis(Func<double[], int, double[]> apply, double[] v, double[] q, double[] aq, int n, int width, int depth)
    {
        int m = width * depth;
        var block = v;
        for (int j = 0; j < depth; j++)
        {
            SetColumns(q, n, m, j * width, block, width);
            var product = apply(block, width);
            SetColumns(aq, n, m, j * width, product, width);
            if (j == depth - 1) break;
            // Two rounds of block Gram-Schmidt ("twice is enough"), then QR; a last round guards against the
            // arbitrary extra directions QR returns for a nearly rank-deficient block.
            int used = (j + 1) * width;
            var z = DenseLinearAlgebra.ProjectOut(q, n, m, used, DenseLinearAlgebra.ProjectOut(q, n, m, used, product, width), width);
            var next = DenseLinearAlgebra.OrthonormalColumns(z, n, width);
            block = DenseLinearAlgebra.OrthonormalColumns(DenseLinearAlgebra.ProjectOut(q, n, m, used, next, width), n, width);
        }
    }

    /// <summary>Writes a row-major (n x width) block into columns [offset, offset + width) of a row-major (n x m) matrix.</summary>
    private static void SetColumns(double[] matrix, int n, int m, int offset, double[] block, int width)
    {
        for (int i = 0; i < n; i++) Array.Copy(block, (long)i * width, matrix, (long)i * m + offset, width);
    }

    private static double MaxResidual(double[] u, double[] au, double[] values, int n, int width, int count)
    {
        double worst = 0;
        for (int c = 0; c < count; c++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                double r = au[(long)i * width + c] - values[c] * u[(long)i * width + c];
                sum += r * r;
            }
            worst = Math.Max(worst, Math.Sqrt(sum));
        }
        return worst;
    }

    /// <summary>The first <paramref name="count"/> columns of a row-major (n x width) matrix.</summary>
    private static double[] Columns(double[] matrix, int n, int width, int count) => Columns(matrix, n, width, Enumerable.Range(0, count).ToArray());

    private static double[] Columns(double[] matrix, int n, int[] columns) => Columns(matrix, n, n, columns);

    private static double[] Columns(double[] matrix, int rows, int width, int[] columns)
    {
        var result = new double[(long)rows * columns.Length];
        for (int i = 0; i < rows; i++)
            for (int c = 0; c < columns.Length; c++)
                result[(long)i * columns.Length + c] = matrix[(long)i * width + columns[c]];
        return result;
    }

    private static void Symmetrise(double[] a, int n)
    {
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
            {
                double mean = 0.5 * (a[(long)i * n + j] + a[(long)j * n + i]);
                a[(long)i * n + j] = mean;
                a[(long)j * n + i] = mean;
            }
    }
}
