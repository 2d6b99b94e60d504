using Doc2Hash.Text;

namespace Doc2Hash.Hashing.Classic;

/// <summary>
/// PCA of sparse TF-IDF rows: the mean and the leading principal directions of the training documents, computed by a
/// randomized range finder with subspace iteration (Halko, Martinsson and Tropp 2011, Algorithms 4.4 and 5.1) on the
/// implicitly centred matrix X_c = X - 1 mu^T. The dense alternatives do not fit this machine well: the covariance
/// of 10,000 words is 10,000 x 10,000 (0.8 GB in float64, and a full eigen-decomposition of it), the Gram matrix of
/// 20NG's 10,257 documents is as large; the sketch needs only n x (k + p) and d x (k + p) blocks, products with the
/// sparse X, and LAPACK QR/SVD of thin matrices. (TorchSharp 0.107 declares torch.pca_lowrank "not implemented".)
/// Each direction's sign is fixed (its largest-magnitude entry positive) so that results do not depend on LAPACK's
/// sign choices.
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

    /// <summary>Variance of the training rows along each direction (sample variance, divided by n - 1), decreasing.</summary>
    public double[] Variances { get; }

    public int InputDimensions { get; }

    public int Count { get; }

    /// <summary>The <paramref name="count"/> leading principal directions of the rows of <paramref name="x"/>.</summary>
    public static PrincipalComponents Fit(SparseMatrix x, int count, PrincipalComponentsOptions options, long seed)
    {
        int n = x.Rows, d = x.Columns;
        if (count < 1 || count > Math.Min(n, d))
            throw new ArgumentOutOfRangeException(nameof(count), $"PCA to {count} dimensions needs 1 <= dimensions <= min(documents, words) = {Math.Min(n, d)}; use fewer bits or more training documents.");
        int width = Math.Min(count + options.Oversampling, Math.Min(n, d));
        var mean = ColumnMeans(x);
        var transposed = SparseProducts.Transpose(x);

        // Range finder with subspace iteration: Q spans (X_c X_c^T)^q X_c Omega (Algorithm 4.4).
        var q = DenseLinearAlgebra.OrthonormalColumns(CentredTimes(x, mean, DenseLinearAlgebra.Gaussian(d, width, seed), width), n, width);
        for (int i = 0; i < options.PowerIterations; i++)
        {
            var z = DenseLinearAlgebra.OrthonormalColumns(CentredTransposeTimes(transposed, mean, q, width), d, width);
            q = DenseLinearAlgebra.OrthonormalColumns(CentredTimes(x, mean, z, width), n, width);
        }

        // B = Q^T X_c (width x d); its SVD gives X_c's leading right singular vectors (Algorithm 5.1).
        var bt = CentredTransposeTimes(transposed, mean, q, width);            // B^T: (d x width)
        var (u, s, _) = DenseLinearAlgebra.Svd(bt, d, width);                 // B^T = U S V^T: U's columns are the directions
        var directions = new double[(long)d * count];
        var variances = new double[count];
        for (int c = 0; c < count; c++)
        {
            variances[c] = s[c] * s[c] / Math.Max(1, n - 1);
            for (int w = 0; w < d; w++) directions[(long)w * count + c] = u[(long)w * width + c];
        }
        SignConvention.MakeLargestEntryPositive(directions, d, count);
        return new PrincipalComponents(mean, directions, variances, d, count);
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
