using Doc2Hash.Data;
using Doc2Hash.Text;

namespace Doc2Hash.Experiments;

/// <summary>
/// Prepared rows of any split traced back to the raw documents they came from, and their label names. The
/// preprocessing does not keep document ids, and it shuffles the test split before halving it into validation and
/// test (<see cref="Data.Preprocessing.ValidationSplit"/>), so a validation or test row is found by content: the raw
/// document whose text the dataset's text model turns into exactly that row (same columns, same float values).
/// Training rows keep their order, so <see cref="TrainingDocuments.Match"/> pairs them all in one greedy pass.
/// </summary>
public static class SplitDocuments
{
    /// <summary>
    /// The first raw document (in <paramref name="raw"/>'s order) that <paramref name="text"/> turns into row
    /// <paramref name="row"/> of <paramref name="rows"/>, or null when none does (a different corpus or preprocessing).
    /// Exact duplicates in the corpus give the same row; the first of them is returned.
    /// </summary>
    public static RawDocument? FindRaw(IReadOnlyList<RawDocument> raw, SparseMatrix rows, int row, TextModel text)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, rows.Rows);
        var candidates = text.Transform([.. raw.Select(d => d.Text)]);
        for (int i = 0; i < candidates.Rows; i++)
            if (SameRow(candidates, i, rows, row)) return raw[i];
        return null;
    }

    /// <summary>The label names of row <paramref name="row"/> of <paramref name="labels"/> (a split of <paramref name="data"/>).</summary>
    public static string[] LabelNames(HashingDataset data, LabelMatrix labels, int row)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(labels);
        var ids = labels.Of(row);
        var names = new string[ids.Length];
        for (int k = 0; k < ids.Length; k++) names[k] = data.LabelNames[ids[k]];
        return names;
    }

    /// <summary>Same stored columns and bitwise-equal values.</summary>
    internal static bool SameRow(SparseMatrix a, int rowA, SparseMatrix b, int rowB) =>
        a.RowIndices(rowA).SequenceEqual(b.RowIndices(rowB)) && a.RowValues(rowA).SequenceEqual(b.RowValues(rowB));
}
