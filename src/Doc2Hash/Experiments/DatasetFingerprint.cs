using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Doc2Hash.Data;
using Doc2Hash.Text;

namespace Doc2Hash.Experiments;

/// <summary>
/// A SHA-256 over the exact numbers a method sees (every split's CSR arrays and label ids), so a run folder records
/// which data it was trained on and eval/encode/resume can refuse a dataset that changed since.
/// </summary>
public static class DatasetFingerprint
{
    public static string Compute(HashingDataset data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var split in new[] { data.Train, data.Validation, data.Test })
        {
            Append(hash, split.Features);
            hash.AppendData(MemoryMarshal.AsBytes(split.Labels.RowPointers.AsSpan()));
            hash.AppendData(MemoryMarshal.AsBytes(split.Labels.LabelIds.AsSpan()));
        }
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, SparseMatrix matrix)
    {
        hash.AppendData(BitConverter.GetBytes(matrix.Columns));
        hash.AppendData(MemoryMarshal.AsBytes(matrix.RowPointers.AsSpan()));
        hash.AppendData(MemoryMarshal.AsBytes(matrix.ColumnIndices.AsSpan()));
        hash.AppendData(MemoryMarshal.AsBytes(matrix.Values.AsSpan()));
    }
}
