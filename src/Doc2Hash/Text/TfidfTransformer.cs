using System.Runtime.CompilerServices;

namespace Doc2Hash.Text;

/// <summary>
/// scikit-learn's <c>TfidfTransformer</c>: <see cref="Fit"/> learns one idf weight per column from a count matrix
/// (df = the number of rows where the column is stored, n = the number of rows); <see cref="Transform"/> maps each
/// stored count c of any matrix with the same columns to tf(c) * idf, then normalises the row. Arithmetic is in
/// double, as scikit-learn's float64, and the result is stored as float (the authors' loader casts to float32).
/// </summary>
public sealed class TfidfTransformer
{
    private readonly double[] _idf;

    private TfidfTransformer(double[] idf, TfidfOptions options)
    {
        _idf = idf;
        Options = options;
    }

    public TfidfOptions Options { get; }

    /// <summary>The learned idf weight of every column.</summary>
    public IReadOnlyList<double> InverseDocumentFrequencies => _idf;

    public static TfidfTransformer Fit(SparseMatrix counts, TfidfOptions options)
    {
        var documentFrequencies = counts.ColumnRowCounts();
        // smooth_idf adds one imaginary document that contains every term once.
        int smoothing = options.SmoothIdf ? 1 : 0;
        double documents = counts.Rows + smoothing;
        var idf = new double[counts.Columns];
        for (int c = 0; c < idf.Length; c++)
            idf[c] = Math.Log(documents / (documentFrequencies[c] + smoothing)) + 1.0;
        return new TfidfTransformer(idf, options);
    }

    /// <summary>A transformer with idf weights learned earlier (as saved with a run, to weight new text exactly as its dataset).</summary>
    public static TfidfTransformer FromIdf(IReadOnlyList<double> idf, TfidfOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (idf.Any(w => !double.IsFinite(w) || w < 1))
            throw new ArgumentException("Every idf weight is finite and at least 1 (ln(n / df) + 1 with df <= n); these weights were not learned by Fit.", nameof(idf));
        return new TfidfTransformer([.. idf], options);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SparseMatrix Transform(SparseMatrix counts)
    {
        if (counts.Columns != _idf.Length)
            throw new ArgumentException($"The matrix has {counts.Columns} columns but the transformer was fitted on {_idf.Length}; transform with the vocabulary it was fitted on.", nameof(counts));
        var values = new float[counts.NonZeros];
        var weights = new double[counts.NonZeros];
        for (int r = 0; r < counts.Rows; r++)
        {
            double squaredNorm = 0;
            for (int k = counts.RowPointers[r]; k < counts.RowPointers[r + 1]; k++)
            {
                weights[k] = TermFrequency(counts.Values[k]) * _idf[counts.ColumnIndices[k]];
                squaredNorm += weights[k] * weights[k];
            }
            // Divide (not multiply by the reciprocal), as scikit-learn's normalize does, to round the same way.
            double norm = Options.L2Normalize && squaredNorm > 0 ? Math.Sqrt(squaredNorm) : 1.0;
            for (int k = counts.RowPointers[r]; k < counts.RowPointers[r + 1]; k++)
                values[k] = (float)(weights[k] / norm);
        }
        return new SparseMatrix(counts.Rows, counts.Columns, (int[])counts.RowPointers.Clone(), (int[])counts.ColumnIndices.Clone(), values);
    }

    private double TermFrequency(float count) => Options.SublinearTf ? 1.0 + Math.Log(count) : count;
}
