using Doc2Hash.Text;

namespace Doc2Hash.Hashing.Classic;

/// <summary>
/// PCA of sparse TF-IDF rows: the mean and the leading eigenvectors of the sample covariance
/// C = X_c^T X_c / (n - 1), X_c = X - 1 mu^T, found by <see cref="SymmetricEigenSolver"/> from products with C alone:
/// C B = X_c^T (X_c B), each factor a sparse product plus a rank-one correction for the mean, so neither X_c nor C
/// is ever formed. The dense alternatives do not suit this machine: C of 10,000 words is 10,000 x 10,000 (0.8 GB in
/// float64, plus a full LAPACK eigen-decomposition), the Gram matrix of 20NG's 10,257 documents as large. A fixed
/// number of randomized subspace iterations (Halko, Martinsson and Tropp 2011; TorchSharp 0.107 declares
/// torch.pca_lowrank "not implemented") was tried first and left the trailing components of the flat part of the
/// spectrum off by about 1% in variance; the Krylov solver stops on a residual instead. Each direction's sign is fixed
/// (largest-magnitude entry positive), so results do not depend on LAPACK's or the random start's sign choices.
/// </summary>
public sealed class PrincipalComponents
{
    private PrincipalComponents(double[] mean, double[] directions, double[] variances, int dimensions, int count)
    {
        Mean = mean;
        Directions = directions;
        Variances = variances;
        InputDimensions = dimensions;
        Count = count;
    }

    /// <summary>Column means of the training rows (d).</summary>
    public double[] Mean { get; }

    /// <summary>Principal directions as columns of a row-major (d x Count) matrix, orthonormal, by decreasing variance.</summary>
    public double[] Directions { get; }

    /// <summary>Variance of the training rows along each direction (the covariance eigenvalue, divided by n - 1), decreasing.</summary>
    public double[] Variances { get; }

    public int InputDimensions { get; }

    public int Count { get; }

    /// <summary>The <paramref name="count"/> leading principal directions of the rows of <paramref name="x"/>.</summary>
    public static PrincipalComponents Fit(SparseMatrix x, int count, EigenSolverOptions options, long seed)
    {
        int n = x.Rows, d = x.Columns;
        if (count < 1 || count > Math.Min(n - 1, d))
            throw new ArgumentOutOfRangeException(nameof(count), $"PCA to {count} dimensions needs 1 <= dimensions <= min(documents - 1, words) = {Math.Min(n - 1, d)}; use fewer bits or more training documents.");
        var mean = ColumnMeans(x);
        var transposed = SparseProducts.Transpose(x);
        double[] Covariance(double[] block, int width)
        {
            var product = CentredTransposeTimes(transposed, mean, CentredTimes(x, mean, block, width), width);
            for (long i = 0; i < product.Length; i++) product[i] /= n - 1;
            return product;
        }
        var pairs = SymmetricEigenSolver.Largest(Covariance, d, count, options, seed);
        var directions = pairs.Vectors;
        SignConvention.MakeLargestEntryPositive(directions, d, count);
        return new PrincipalComponents(mean, directions, pairs.Values, d, count);
    }

    /// <summary>Coordinates of centred rows along the directions: (X - 1 mu^T) P, (n x Count, row-major).</summary>
    public double[] Project(SparseMatrix x)
    {
        if (x.Columns != InputDimensions)
            throw new ArgumentException($"Documents have {x.Columns} columns; this PCA was fitted on {InputDimensions} (use the same vocabulary).", nameof(x));
        return CentredTimes(x, Mean, Directions, Count);
    }

    internal void Save(BinaryWriter writer)
    {
        writer.Write(InputDimensions);
        writer.Write(Count);
        ModelFormat.Write(writer, Mean);
        ModelFormat.Write(writer, Directions);
        ModelFormat.Write(writer, Variances);
    }

    internal static PrincipalComponents Load(BinaryReader reader)
    {
        int d = ModelFormat.ReadPositive(reader, "pca.dimensions");
        int count = ModelFormat.ReadPositive(reader, "pca.count");
        var mean = ModelFormat.ReadDoubles(reader, d, "pca.mean");
        var directions = ModelFormat.ReadDoubles(reader, (long)d * count, "pca.directions");
        var variances = ModelFormat.ReadDoubles(reader, count, "pca.variances");
        return new PrincipalComponents(mean, directions, variances, d, count);
    }

    private static double[] ColumnMeans(SparseMatrix x)
    {
        var mean = new double[x.Columns];
        for (int k = 0; k < x.NonZeros; k++) mean[x.ColumnIndices[k]] += x.Values[k];
        for (int c = 0; c < mean.Length; c++) mean[c] /= Math.Max(1, x.Rows);
        return mean;
    }

    /// <summary>X_c M = X M - 1 (mu^T M) for M (d x k).</summary>
    private static double[] CentredTimes(SparseMatrix x, double[] mean, double[] m, int k)
    {
        var result = SparseProducts.Times(x, m, k);
        var shift = new double[k];
        for (int w = 0; w < mean.Length; w++) SparseProducts.MultiplyAdd(mean[w], m.AsSpan(w * k, k), shift);
        for (int r = 0; r < x.Rows; r++) SparseProducts.MultiplyAdd(-1, shift, result.AsSpan(r * k, k));
        return result;
    }

    /// <summary>X_c^T A = X^T A - mu (1^T A) for A (n x k), given X^T in CSR form.</summary>
    private static double[] CentredTransposeTimes(SparseMatrix transposed, double[] mean, double[] a, int k)
    {
        var result = SparseProducts.Times(transposed, a, k);
        var columnSums = new double[k];
        for (int r = 0; r < transposed.Columns; r++) SparseProducts.MultiplyAdd(1, a.AsSpan(r * k, k), columnSums);
        for (int w = 0; w < mean.Length; w++) SparseProducts.MultiplyAdd(-mean[w], columnSums, result.AsSpan(w * k, k));
        return result;
    }
}
