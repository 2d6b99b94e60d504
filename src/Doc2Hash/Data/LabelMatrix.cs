namespace Doc2Hash.Data;

/// <summary>
/// The labels of each document as a sorted set of label ids (CSR layout). Single-label corpora have exactly one
/// label per document; multi-label corpora may have zero or more (a document with none is never relevant).
/// </summary>
public sealed class LabelMatrix
{
    public LabelMatrix(int labelCount, int[] rowPointers, int[] labelIds, bool isMultiLabel)
    {
        if (rowPointers.Length == 0 || rowPointers[0] != 0 || rowPointers[^1] != labelIds.Length)
            throw new ArgumentException("Label CSR arrays disagree: rowPointers must start at 0 and end at labelIds.Length.");
        // All pointers first: non-decreasing from 0 to labelIds.Length keeps every k below in bounds (found by fuzzing).
        for (int r = 0; r + 1 < rowPointers.Length; r++)
        {
            if (rowPointers[r + 1] < rowPointers[r])
                throw new ArgumentException($"Label rowPointers must not decrease (document {r}).");
        }
        for (int r = 0; r + 1 < rowPointers.Length; r++)
        {
            for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++)
            {
                if ((uint)labelIds[k] >= (uint)labelCount || (k > rowPointers[r] && labelIds[k - 1] >= labelIds[k]))
                    throw new ArgumentException($"Document {r}: label ids must be in [0, {labelCount}) and strictly increasing.");
            }
            if (!isMultiLabel && rowPointers[r + 1] - rowPointers[r] != 1)
                throw new ArgumentException($"Document {r} has {rowPointers[r + 1] - rowPointers[r]} labels; single-label data needs exactly one.");
        }
        LabelCount = labelCount;
        RowPointers = rowPointers;
        LabelIds = labelIds;
        IsMultiLabel = isMultiLabel;
    }

    public int Count => RowPointers.Length - 1;
    public int LabelCount { get; }
    public bool IsMultiLabel { get; }
    public int[] RowPointers { get; }
    public int[] LabelIds { get; }

    public ReadOnlySpan<int> Of(int document) => LabelIds.AsSpan(RowPointers[document], RowPointers[document + 1] - RowPointers[document]);

    public static LabelMatrix SingleLabel(int labelCount, IReadOnlyList<int> labels)
    {
        var pointers = new int[labels.Count + 1];
        for (int i = 0; i < labels.Count; i++) pointers[i + 1] = i + 1;
        return new LabelMatrix(labelCount, pointers, labels.ToArray(), isMultiLabel: false);
    }

    public static LabelMatrix MultiLabel(int labelCount, IReadOnlyList<IReadOnlyCollection<int>> labels)
    {
        var pointers = new int[labels.Count + 1];
        var ids = new List<int>();
        for (int i = 0; i < labels.Count; i++)
        {
            ids.AddRange(labels[i].Distinct().Order());
            pointers[i + 1] = ids.Count;
        }
        return new LabelMatrix(labelCount, pointers, ids.ToArray(), isMultiLabel: true);
    }

    public LabelMatrix SelectRows(IReadOnlyList<int> rows)
    {
        var pointers = new int[rows.Count + 1];
        var ids = new List<int>();
        for (int i = 0; i < rows.Count; i++)
        {
            foreach (int id in Of(rows[i])) ids.Add(id);
            pointers[i + 1] = ids.Count;
        }
        return new LabelMatrix(LabelCount, pointers, ids.ToArray(), IsMultiLabel);
    }
}
