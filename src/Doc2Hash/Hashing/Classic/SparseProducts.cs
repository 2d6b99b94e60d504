using System.Numerics;
using Doc2Hash.Text;

namespace Doc2Hash.Hashing.Classic;

/// <summary>
/// Products of a CSR matrix with dense row-major blocks, the only operations the classic methods need on the TF-IDF
/// matrix (10,000 words: a dense copy of 20NG's training split would take 0.8 GB in float64). Rows are processed in
/// parallel blocks; every output row is summed in the same order whatever the thread count, so results are
/// bitwise repeatable.
/// </summary>
internal static class SparseProducts
{
    private const int RowsPerBlock = 256;

    /// <summary>X (n x d) times B (d x k, row-major) = (n x k, row-major).</summary>
    public static double[] Times(SparseMatrix x, double[] b, int k)
    {
        if (b.Length != (long)x.Columns * k)
            throw new ArgumentException($"Right factor has {b.Length} values; a {x.Columns} x {k} block was expected.", nameof(b));
        var result = new double[(long)x.Rows * k];
        int blocks = (x.Rows + RowsPerBlock - 1) / RowsPerBlock;
        Parallel.For(0, blocks, block =>
        {
            int end = Math.Min(x.Rows, (block + 1) * RowsPerBlock);
            for (int r = block * RowsPerBlock; r < end; r++)
            {
                var target = result.AsSpan(r * k, k);
                var indices = x.RowIndices(r);
                var values = x.RowValues(r);
                for (int i = 0; i < indices.Length; i++)
                    MultiplyAdd(values[i], b.AsSpan(indices[i] * k, k), target);
            }
        });
        return result;
    }

    /// <summary>X v for a single vector, on the calling thread (callers parallelise over independent problems).</summary>
    public static void TimesVector(SparseMatrix x, ReadOnlySpan<double> v, Span<double> result)
    {
        if (v.Length != x.Columns || result.Length != x.Rows)
            throw new ArgumentException($"X is {x.Rows} x {x.Columns}; got a vector of {v.Length} and a result of {result.Length}.");
        for (int r = 0; r < x.Rows; r++)
        {
            double sum = 0;
            for (int k = x.RowPointers[r]; k < x.RowPointers[r + 1]; k++) sum += x.Values[k] * v[x.ColumnIndices[k]];
            result[r] = sum;
        }
    }

    /// <summary>X^T (d x n) times A (n x k, row-major) = (d x k, row-major), through the transposed CSR matrix.</summary>
    public static double[] TransposeTimes(SparseMatrix x, double[] a, int k) => Times(Transpose(x), a, k);

    /// <summary>The transpose in CSR form (i.e. X in compressed sparse column form): column indices stay increasing.</summary>
    public static SparseMatrix Transpose(SparseMatrix x)
    {
        var pointers = new int[x.Columns + 1];
        foreach (int c in x.ColumnIndices) pointers[c + 1]++;
        for (int c = 0; c < x.Columns; c++) pointers[c + 1] += pointers[c];
        var next = pointers[..^1].ToArray();
        var indices = new int[x.NonZeros];
        var values = new float[x.NonZeros];
        for (int r = 0; r < x.Rows; r++)
        {
            for (int k = x.RowPointers[r]; k < x.RowPointers[r + 1]; k++)
            {
                int slot = next[x.ColumnIndices[k]]++;
                indices[slot] = r;
                values[slot] = x.Values[k];
            }
        }
        return new SparseMatrix(x.Columns, x.Rows, pointers, indices, values);
    }

    /// <summary>target += alpha * source, vectorised.</summary>
    public static void MultiplyAdd(double alpha, ReadOnlySpan<double> source, Span<double> target)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && source.Length >= Vector<double>.Count)
        {
            var scale = new Vector<double>(alpha);
            for (; i <= source.Length - Vector<double>.Count; i += Vector<double>.Count)
                (new Vector<double>(target[i..]) + scale * new Vector<double>(source[i..])).CopyTo(target[i..]);
        }
        for (; i < source.Length; i++) target[i] += alpha * source[i];
    }
}
