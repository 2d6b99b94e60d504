using System.Numerics;
using Doc2Hash.Text;

namespace Doc2Hash.Data.Formats;

/// <summary>
/// A MATLAB sparse matrix (mxSPARSE_CLASS). MATLAB stores sparse matrices in compressed sparse COLUMN form:
/// column c holds RowIndices[ColumnPointers[c] .. ColumnPointers[c+1]) ("ir" and "jc" in the MAT-File Format),
/// with row indices strictly increasing inside a column. The kit's <see cref="SparseMatrix"/> is row-compressed;
/// <see cref="ToCsr"/> and <see cref="FromCsr"/> convert between the two without changing the matrix.
/// </summary>
public sealed class MatSparseArray : MatVariable
{
    public MatSparseArray(string name, int rows, int columns, int[] columnPointers, int[] rowIndices, double[] values, bool isLogical = false)
        : base(name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ValidateColumns(name, rows, columns, columnPointers, rowIndices, values);
        RowCount = rows;
        ColumnCount = columns;
        ColumnPointers = columnPointers;
        RowIndices = rowIndices;
        Values = values;
        IsLogical = isLogical;
    }

    private int RowCount { get; }
    private int ColumnCount { get; }
    public override int Rows => RowCount;
    public override int Columns => ColumnCount;
    /// <summary>MATLAB's "jc": Columns + 1 offsets into <see cref="RowIndices"/> and <see cref="Values"/>.</summary>
    public int[] ColumnPointers { get; }
    /// <summary>MATLAB's "ir": the row of each stored value.</summary>
    public int[] RowIndices { get; }
    /// <summary>MATLAB's "pr": the stored values.</summary>
    public double[] Values { get; }
    public bool IsLogical { get; }
    public int NonZeros => Values.Length;

    public override string Describe() => $"sparse {Rows} x {Columns} {(IsLogical ? "logical" : "double")} with {NonZeros} stored values";

    /// <summary>The same matrix in CSR form with float values (rows stay rows: documents x words).</summary>
    public SparseMatrix ToCsr()
    {
        var (rowPointers, columnIndices, values) = SwapCompression<double, float>(Columns, Rows, ColumnPointers, RowIndices, Values);
        return new SparseMatrix(Rows, Columns, rowPointers, columnIndices, values);
    }

    /// <summary>The MATLAB (column-compressed) form of a CSR matrix; float values widen to double exactly.</summary>
    public static MatSparseArray FromCsr(string name, SparseMatrix matrix)
    {
        var (columnPointers, rowIndices, values) = SwapCompression<float, double>(matrix.Rows, matrix.Columns, matrix.RowPointers, matrix.ColumnIndices, matrix.Values);
        return new MatSparseArray(name, matrix.Rows, matrix.Columns, columnPointers, rowIndices, values);
    }

    /// <summary>
    /// Re-compresses a matrix along its other axis (CSC to CSR or back): a counting sort by inner index. Visiting the
    /// outer lines in increasing order leaves the indices inside each new line sorted.
    /// </summary>
    private static (int[] Pointers, int[] Indices, TOut[] Values) SwapCompression<TIn, TOut>(
        int outerCount, int innerCount, int[] pointers, int[] indices, TIn[] values)
        where TIn : INumberBase<TIn>
        where TOut : INumberBase<TOut>
    {
        var newPointers = new int[innerCount + 1];
        foreach (int inner in indices) newPointers[inner + 1]++;
        for (int i = 0; i < innerCount; i++) newPointers[i + 1] += newPointers[i];
        var next = newPointers[..^1];
        var newIndices = new int[indices.Length];
        var newValues = new TOut[values.Length];
        for (int outer = 0; outer < outerCount; outer++)
        {
            for (int k = pointers[outer]; k < pointers[outer + 1]; k++)
            {
                int slot = next[indices[k]]++;
                newIndices[slot] = outer;
                newValues[slot] = TOut.CreateTruncating(values[k]);
            }
        }
        return (newPointers, newIndices, newValues);
    }

    private static void ValidateColumns(string name, int rows, int columns, int[] columnPointers, int[] rowIndices, double[] values)
    {
        if (columnPointers.Length != columns + 1L)
            throw new ArgumentException($"Sparse variable '{name}': jc has {columnPointers.Length} entries; {columns} columns need {columns + 1L}.");
        if (rowIndices.Length != values.Length || columnPointers[0] != 0 || columnPointers[columns] != values.Length)
            throw new ArgumentException($"Sparse variable '{name}': jc must start at 0 and end at the number of stored values ({values.Length}); ir has {rowIndices.Length} entries.");
        // All of jc first: non-decreasing from 0 to the value count keeps every k below in bounds (found by fuzzing).
        for (int c = 0; c < columns; c++)
        {
            if (columnPointers[c + 1] < columnPointers[c])
                throw new ArgumentException($"Sparse variable '{name}': jc decreases at column {c}.");
        }
        for (int c = 0; c < columns; c++)
        {
            for (int k = columnPointers[c]; k < columnPointers[c + 1]; k++)
            {
                int row = rowIndices[k];
                if ((uint)row >= (uint)rows || (k > columnPointers[c] && rowIndices[k - 1] >= row))
                    throw new ArgumentException($"Sparse variable '{name}': column {c} has row index {row}; row indices must be in [0, {rows}) and strictly increasing within a column.");
            }
        }
    }
}
