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
        double residual = double.PositiveInfinity;
        for (int restart = 0; restart <= options.MaxRestarts; restart++)
        {
            var (basis, products) = KrylovBasis(apply, v, n, width, options.KrylovBlocks);
            int m = width * options.KrylovBlocks;
            var q = Concatenate(basis, n, width);
            var aq = Concatenate(products, n, width);
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

    /// <summary>Orthonormal blocks Q_0 = V, Q_j = orth(A Q_(j-1) minus its projection on Q_0..Q_(j-1)), and the products A Q_j.</summary>
    private static (List<double[]> Basis, List<double[]> Products) KrylovBasis(Func<double[], int, double[]> apply, double[] v, int n, int width, int depth)
    {
        var basis = new List<double[]> { v };
        var products = new List<double[]>();
        for (int j = 0; j < depth; j++)
        {
            products.Add(apply(basis[j], width));
            if (j == depth - 1) break;
            // Two rounds of block Gram-Schmidt ("twice is enough"), then QR; a last round guards against the
            // arbitrary extra directions QR returns for a nearly rank-deficient block.
            var z = Orthogonalise(Orthogonalise(products[j], basis, n, width), basis, n, width);
            var next = DenseLinearAlgebra.OrthonormalColumns(z, n, width);
            basis.Add(DenseLinearAlgebra.OrthonormalColumns(Orthogonalise(next, basis, n, width), n, width));
        }
        return (basis, products);
    }

    /// <summary>z minus its projection on the span of the basis blocks: z - Q (Q^T z), Q = [Q_0, ..., Q_j].</summary>
    private static double[] Orthogonalise(double[] z, List<double[]> basis, int n, int width)
    {
        int m = width * basis.Count;
        var q = Concatenate(basis, n, width);
        var projection = DenseLinearAlgebra.Times(q, DenseLinearAlgebra.TransposeTimes(q, z, n, m, width), n, m, width);
        var result = new double[z.Length];
        for (long i = 0; i < result.Length; i++) result[i] = z[i] - projection[i];
        return result;
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

    private static double[] Concatenate(List<double[]> blocks, int n, int width)
    {
        int m = width * blocks.Count;
        var result = new double[(long)n * m];
        for (int b = 0; b < blocks.Count; b++)
            for (int i = 0; i < n; i++)
                Array.Copy(blocks[b], (long)i * width, result, (long)i * m + b * width, width);
        return result;
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
