using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Classic;

/// <summary>
/// The dense linear algebra of the classic methods, delegated to libtorch (LAPACK/BLAS underneath) in float64:
/// QR, symmetric eigen-decomposition, SVD, matrix products and seeded Gaussian matrices. Matrices cross this boundary
/// as row-major <c>double[]</c> (inputs are shared, not copied; results are copied out); every call runs in its own
/// dispose scope, so no native tensor outlives it. Only
/// operations without implicit scalars are used (see environment.md, "Scalars").
/// </summary>
internal static class DenseLinearAlgebra
{
    /// <summary>An orthonormal basis of the column space of A (rows x cols, rows >= cols): Q of the reduced QR.</summary>
    public static double[] OrthonormalColumns(double[] a, int rows, int columns)
    {
        if (rows < columns)
            throw new ArgumentException($"QR basis of a {rows} x {columns} matrix: need at least as many rows as columns.");
        using var scope = NewDisposeScope();
        var (q, _) = linalg.qr(Tensor(a, rows, columns));
        return ToArray(q);
    }

    /// <summary>A^T B for A (n x p) and B (n x q): (p x q).</summary>
    public static double[] TransposeTimes(double[] a, double[] b, int n, int p, int q)
    {
        using var scope = NewDisposeScope();
        return ToArray(Tensor(a, n, p).t().matmul(Tensor(b, n, q)));
    }

    /// <summary>
    /// z - Q (Q^T z) with Q the first <paramref name="used"/> columns of a row-major (n x m) matrix and z (n x q): z with
    /// its projection on span(Q) removed. Q is read in place through a strided view (no copy of the basis).
    /// </summary>
    public static double[] ProjectOut(double[] basis, int n, int m, int used, double[] z, int q)
    {
        using var scope = NewDisposeScope();
        var leading = Tensor(basis, n, m).narrow(1, 0, used);
        var projection = ToArray(leading.matmul(leading.t().matmul(Tensor(z, n, q))));
        for (long i = 0; i < projection.Length; i++) projection[i] = z[i] - projection[i];
        return projection;
    }

    /// <summary>A B for A (n x p) and B (p x q): (n x q).</summary>
    public static double[] Times(double[] a, double[] b, int n, int p, int q)
    {
        using var scope = NewDisposeScope();
        return ToArray(Tensor(a, n, p).matmul(Tensor(b, p, q)));
    }

    /// <summary>
    /// Eigen-decomposition of a symmetric matrix (n x n; only its lower triangle is read, LAPACK syevd through
    /// torch.linalg.eigh): eigenvalues ascending and the matching orthonormal eigenvectors as columns (n x n).
    /// </summary>
    public static (double[] Values, double[] Vectors) SymmetricEigen(double[] a, int n)
    {
        using var scope = NewDisposeScope();
        var (values, vectors) = linalg.eigh(Tensor(a, n, n));
        return (ToArray(values), ToArray(vectors));
    }

    /// <summary>Thin SVD A = U diag(S) V^T of A (m x n), r = min(m, n): U (m x r), S (r, descending), V^T (r x n).</summary>
    public static (double[] U, double[] S, double[] Vt) Svd(double[] a, int m, int n)
    {
        using var scope = NewDisposeScope();
        var (u, s, vt) = linalg.svd(Tensor(a, m, n), fullMatrices: false);
        return (ToArray(u), ToArray(s), ToArray(vt));
    }

    /// <summary>The transpose of A (rows x cols): (cols x rows), row-major.</summary>
    public static double[] Transpose(double[] a, int rows, int columns)
    {
        var result = new double[a.Length];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++) result[(long)c * rows + r] = a[(long)r * columns + c];
        return result;
    }

    /// <summary>A (rows x cols) matrix of independent standard normal draws from a generator seeded with <paramref name="seed"/>.</summary>
    public static double[] Gaussian(int rows, int columns, long seed)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)seed);
        return ToArray(randn(rows, columns, dtype: ScalarType.Float64, generator: generator));
    }

    /// <summary>
    /// A view of the managed array as a (rows x cols) tensor: torch.from_array pins the array and shares its memory
    /// (no copy; torch.tensor(IList) copies element by element, about 0.5 s for 20NG-sized blocks). The operations
    /// here only read their inputs, and the view dies with the call's dispose scope.
    /// </summary>
    private static Tensor Tensor(double[] values, int rows, int columns)
    {
        if (values.Length != (long)rows * columns)
            throw new ArgumentException($"A {rows} x {columns} matrix needs {(long)rows * columns} values, got {values.Length}.");
        return from_array(values).reshape(rows, columns);
    }

    private static double[] ToArray(Tensor t)
    {
        using var contiguous = t.contiguous();
        var result = new double[contiguous.numel()];
        using var accessor = contiguous.data<double>();
        accessor.CopyTo(result, 0, 0);
        return result;
    }
}
