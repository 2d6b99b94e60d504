using System.Runtime.CompilerServices;

namespace Doc2Hash.Text;

/// <summary>One document's term counts: parallel arrays of term ids and counts, in no particular id order.</summary>
internal readonly record struct TermRow(int[] Terms, float[] Counts)
{
    /// <summary>The same counts under other ids: term t becomes <paramref name="newIds"/>[t].</summary>
    public TermRow Relabel(int[] newIds)
    {
        var terms = new int[Terms.Length];
        for (int k = 0; k < terms.Length; k++) terms[k] = newIds[Terms[k]];
        return new TermRow(terms, Counts);
    }

    /// <summary>Only the terms with a column (>= 0), as columns in increasing order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TermRow Restrict(int[] columnOfTerm)
    {
        int kept = 0;
        foreach (int t in Terms) if (columnOfTerm[t] >= 0) kept++;
        var columns = new int[kept];
        var counts = new float[kept];
        for (int k = 0, j = 0; k < Terms.Length; k++)
        {
            int column = columnOfTerm[Terms[k]];
            if (column < 0) continue;
            columns[j] = column;
            counts[j++] = Counts[k];
        }
        Array.Sort(columns, counts);
        return new TermRow(columns, counts);
    }

    /// <summary>Rows whose terms are increasing columns, stacked into a CSR matrix.</summary>
    public static SparseMatrix Assemble(TermRow[] rows, int columns)
    {
        var pointers = new int[rows.Length + 1];
        for (int r = 0; r < rows.Length; r++)
            pointers[r + 1] = checked(pointers[r] + rows[r].Terms.Length);
        var indices = new int[pointers[^1]];
        var values = new float[pointers[^1]];
        for (int r = 0; r < rows.Length; r++)
        {
            rows[r].Terms.CopyTo(indices, pointers[r]);
            rows[r].Counts.CopyTo(values, pointers[r]);
        }
        return new SparseMatrix(rows.Length, columns, pointers, indices, values);
    }
}
