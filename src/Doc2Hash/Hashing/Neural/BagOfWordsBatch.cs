using Doc2Hash.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Neural;

/// <summary>
/// A minibatch of TF-IDF rows in the form <c>nn.EmbeddingBag</c> consumes: the word ids of all rows concatenated,
/// the offset where each row starts, and the TF-IDF values as per-sample weights. With mode Sum this computes
/// <c>x @ W</c> without ever materialising the dense (B, V) matrix (stack notes: about 6x faster than dense mm).
/// </summary>
public sealed class BagOfWordsBatch : IDisposable
{
    private BagOfWordsBatch(int count, int vocabularySize, Tensor ids, Tensor offsets, Tensor weights, Tensor flatIndex)
    {
        Count = count;
        VocabularySize = vocabularySize;
        Ids = ids;
        Offsets = offsets;
        Weights = weights;
        FlatIndex = flatIndex;
    }

    /// <summary>Number of documents B.</summary>
    public int Count { get; }

    public int VocabularySize { get; }

    /// <summary>Word ids of every stored value, row after row: (nnz) int64.</summary>
    public Tensor Ids { get; }

    /// <summary>Start of each row in <see cref="Ids"/>: (B) int64.</summary>
    public Tensor Offsets { get; }

    /// <summary>TF-IDF value of every stored entry: (nnz) float32.</summary>
    public Tensor Weights { get; }

    /// <summary>row * V + word id of every stored entry, to gather x_w log p(w|z) from a flattened (B, V) tensor: (nnz) int64.</summary>
    public Tensor FlatIndex { get; }

    /// <summary>Builds the batch of <paramref name="rows"/> of <paramref name="matrix"/> (all rows when null) on <paramref name="device"/>.</summary>
    public static BagOfWordsBatch FromRows(SparseMatrix matrix, IReadOnlyList<int>? rows, Device device)
    {
        int count = rows?.Count ?? matrix.Rows;
        long nnz = 0;
        for (int i = 0; i < count; i++)
        {
            int r = rows?[i] ?? i;
            nnz += matrix.RowPointers[r + 1] - matrix.RowPointers[r];
        }
        var ids = new long[nnz];
        var flat = new long[nnz];
        var weights = new float[nnz];
        var offsets = new long[count];
        long k = 0;
        for (int i = 0; i < count; i++)
        {
            int r = rows?[i] ?? i;
            offsets[i] = k;
            var rowIds = matrix.RowIndices(r);
            var rowValues = matrix.RowValues(r);
            for (int j = 0; j < rowIds.Length; j++, k++)
            {
                ids[k] = rowIds[j];
                flat[k] = (long)i * matrix.Columns + rowIds[j];
                weights[k] = rowValues[j];
            }
        }
        return new BagOfWordsBatch(count, matrix.Columns,
            tensor(ids, device: device), tensor(offsets, device: device), tensor(weights, device: device), tensor(flat, device: device));
    }

    /// <summary>The dense (B, V) TF-IDF matrix of the batch (only for the dense-input speed comparison).</summary>
    public Tensor ToDense()
    {
        var dense = zeros([Count, VocabularySize], device: Weights.device);
        return dense.view(-1).index_put_(Weights, FlatIndex).view(Count, VocabularySize);
    }

    public void Dispose()
    {
        Ids.Dispose();
        Offsets.Dispose();
        Weights.Dispose();
        FlatIndex.Dispose();
    }
}
