namespace Doc2Hash.Text;

/// <summary>
/// A read-only sparse matrix in compressed sparse row (CSR) form: documents are rows, vocabulary terms are columns.
/// Column indices inside a row are strictly increasing. This is the in-memory form of every TF-IDF split.
/// </summary>
public sealed class SparseMatrix
{
    public SparseMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, float[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (rowPointers.Length != rows + 1L)
            throw new ArgumentException($"rowPointers has {rowPointers.Length} entries; a {rows}-row CSR matrix needs {rows + 1L}.", nameof(rowPointers));
        if (columnIndices.Length != values.Length || rowPointers[0] != 0 || rowPointers[rows] != values.Length)
            throw new ArgumentException("CSR arrays disagree: rowPointers[0] must be 0 and rowPointers[rows] must equal the number of stored values.");
        // All pointers first: non-decreasing from 0 to the value count keeps every index below in bounds, whatever the
        // order of the damage (a corrupt cache with a pointer past the end before a decreasing one was found by fuzzing).
        for (int r = 0; r < rows; r++)
        {
            if (rowPointers[r + 1] < rowPointers[r])
                throw new ArgumentException($"rowPointers must not decrease (row {r}).", nameof(rowPointers));
        }
        for (int r = 0; r < rows; r++)
        {
            for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++)
            {
                int c = columnIndices[k];
                if ((uint)c >= (uint)columns || (k > rowPointers[r] && columnIndices[k - 1] >= c))
                    throw new ArgumentException($"Row {r}: column indices must be in [0, {columns}) and strictly increasing (found {c}).", nameof(columnIndices));
            }
        }
        Rows = rows;
        Columns = columns;
        RowPointers = rowPointers;
        ColumnIndices = columnIndices;
        Values = values;
    }

    public int Rows { get; }
    public int Columns { get; }
    /// <summary>Row r occupies [RowPointers[r], RowPointers[r+1]) of <see cref="ColumnIndices"/> and <see cref="Values"/>.</summary>
    public int[] RowPointers { get; }
    public int[] ColumnIndices { get; }
    public float[] Values { get; }
    public int NonZeros => Values.Length;

    public ReadOnlySpan<int> RowIndices(int row) => ColumnIndices.AsSpan(RowPointers[row], RowPointers[row + 1] - RowPointers[row]);
    public ReadOnlySpan<float> RowValues(int row) => Values.AsSpan(RowPointers[row], RowPointers[row + 1] - RowPointers[row]);

    /// <summary>Per column, the number of rows that store it: the document frequency of a term-count matrix.</summary>
    public int[] ColumnRowCounts()
    {
        var counts = new int[Columns];
        foreach (int column in ColumnIndices) counts[column]++;
        return counts;
    }

    /// <summary>Per row, the sum of its stored values: a document's length in tokens for a term-count matrix.</summary>
    public double[] RowSums()
    {
        var sums = new double[Rows];
        for (int r = 0; r < Rows; r++)
            foreach (float value in RowValues(r)) sums[r] += value;
        return sums;
    }

    /// <summary>A new matrix holding the given rows, in the given order.</summary>
    public SparseMatrix SelectRows(IReadOnlyList<int> rows)
    {
        var pointers = new int[rows.Count + 1];
        for (int i = 0; i < rows.Count; i++)
            pointers[i + 1] = pointers[i] + RowPointers[rows[i] + 1] - RowPointers[rows[i]];
        var indices = new int[pointers[^1]];
        var values = new float[pointers[^1]];
        for (int i = 0; i < rows.Count; i++)
        {
            RowIndices(rows[i]).CopyTo(indices.AsSpan(pointers[i]));
            RowValues(rows[i]).CopyTo(values.AsSpan(pointers[i]));
        }
        return new SparseMatrix(rows.Count, Columns, pointers, indices, values);
    }

    /// <summary>Dense row-major copy; meant for tests and small matrices.</summary>
    public float[,] ToDense()
    {
        var dense = new float[Rows, Columns];
        for (int r = 0; r < Rows; r++)
            for (int k = RowPointers[r]; k < RowPointers[r + 1]; k++)
                dense[r, ColumnIndices[k]] = Values[k];
        return dense;
    }

    public static SparseMatrix FromDense(float[,] dense)
    {
        int rows = dense.GetLength(0), columns = dense.GetLength(1);
        var pointers = new int[rows + 1];
        var indices = new List<int>();
        var values = new List<float>();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                if (dense[r, c] != 0f) { indices.Add(c); values.Add(dense[r, c]); }
            }
            pointers[r + 1] = values.Count;
        }
        return new SparseMatrix(rows, columns, pointers, indices.ToArray(), values.ToArray());
    }
}
