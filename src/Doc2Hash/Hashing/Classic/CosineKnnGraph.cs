using Doc2Hash.Text;

namespace Doc2Hash.Hashing.Classic;

/// <summary>
/// The local similarity graph of self-taught hashing (Zhang, Wang, Cai and Lu, SIGIR 2010, Section 3.1.1): documents
/// are vertices; W_ij = cos(x_i, x_j) when x_j is among the k nearest neighbours of x_i or x_i among those of x_j,
/// else 0 (the "or" makes W symmetric).
/// <para>
/// Neighbours of i: the k documents j != i with the largest cosine similarity; equal similarities are ordered by the
/// smaller document index first; documents with similarity &lt;= 0 (no shared word) are never neighbours.
/// </para>
/// <para>
/// Cost: all n^2 similarities are never stored. Rows are processed in parallel blocks; for row i the similarities to
/// every document are accumulated through the inverted index (X^T in CSR form) into one dense n-vector per thread,
/// touching only documents that share a word with x_i, and the top k are kept in a k-element heap. Each
/// similarity is summed in the same order from either side, so s_ij == s_ji exactly.
/// </para>
/// </summary>
public static class CosineKnnGraph
{
    private const int RowsPerBlock = 64;

    /// <summary>The symmetrised k-nearest-neighbour graph (n x n, cosine weights, no self-loops).</summary>
    public static SparseMatrix Build(SparseMatrix documents, int neighbours) => Symmetrise(NearestNeighbours(documents, neighbours), documents.Rows);

    /// <summary>For every row: its neighbours by (similarity descending, index ascending) and their cosine similarities.</summary>
    public static (int Index, double Similarity)[][] NearestNeighbours(SparseMatrix documents, int neighbours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(neighbours, 1);
        int n = documents.Rows;
        var norms = new double[n];
        for (int i = 0; i < n; i++)
            foreach (float v in documents.RowValues(i)) norms[i] += (double)v * v;
        for (int i = 0; i < n; i++) norms[i] = Math.Sqrt(norms[i]);
        var inverted = SparseProducts.Transpose(documents);
        var result = new (int, double)[n][];
        int blocks = (n + RowsPerBlock - 1) / RowsPerBlock;
        Parallel.For(0, blocks, () => new Workspace(n, neighbours), (block, _, workspace) =>
        {
            int end = Math.Min(n, (block + 1) * RowsPerBlock);
            for (int i = block * RowsPerBlock; i < end; i++)
                result[i] = workspace.Neighbours(documents, inverted, norms, i);
            return workspace;
        }, _ => { });
        return result;
    }

    /// <summary>W_ij = s_ij if j in N(i) or i in N(j); rows with increasing column indices, as <see cref="SparseMatrix"/> requires.</summary>
    private static SparseMatrix Symmetrise((int Index, double Similarity)[][] neighbours, int n)
    {
        var rows = Enumerable.Range(0, n).Select(_ => new SortedDictionary<int, double>()).ToArray();
        for (int i = 0; i < n; i++)
        {
            foreach (var (j, s) in neighbours[i])
            {
                rows[i][j] = s;
                rows[j][i] = s;
            }
        }
        var pointers = new int[n + 1];
        for (int i = 0; i < n; i++) pointers[i + 1] = pointers[i] + rows[i].Count;
        var indices = new int[pointers[n]];
        var values = new float[pointers[n]];
        for (int i = 0; i < n; i++)
        {
            int k = pointers[i];
            foreach (var (j, s) in rows[i])
            {
                indices[k] = j;
                values[k++] = (float)s;
            }
        }
        return new SparseMatrix(n, n, pointers, indices, values);
    }

    /// <summary>Per-thread scratch space: the similarity accumulator, the list of touched documents and the top-k heap.</summary>
    private sealed class Workspace(int n, int k)
    {
        private readonly double[] dots = new double[n];
        private readonly bool[] seen = new bool[n];
        private readonly int[] touched = new int[n];
        // Dequeues the worst kept candidate first: lowest similarity, then highest index.
        private readonly PriorityQueue<int, (double Similarity, int Index)> heap = new(k + 1, Comparer<(double Similarity, int Index)>.Create(
            (a, b) => a.Similarity != b.Similarity ? a.Similarity.CompareTo(b.Similarity) : b.Index.CompareTo(a.Index)));

        public (int, double)[] Neighbours(SparseMatrix documents, SparseMatrix inverted, double[] norms, int i)
        {
            int count = 0;
            var words = documents.RowIndices(i);
            var weights = documents.RowValues(i);
            for (int t = 0; t < words.Length; t++)
            {
                var postings = inverted.RowIndices(words[t]);
                var postingWeights = inverted.RowValues(words[t]);
                for (int p = 0; p < postings.Length; p++)
                {
                    int j = postings[p];
                    if (!seen[j]) { seen[j] = true; touched[count++] = j; }
                    dots[j] += (double)weights[t] * postingWeights[p];
                }
            }
            for (int c = 0; c < count; c++)
            {
                int j = touched[c];
                double similarity = dots[j] / (norms[i] * norms[j]);
                dots[j] = 0;
                seen[j] = false;
                if (j == i || !(similarity > 0)) continue;
                heap.Enqueue(j, (similarity, j));
                if (heap.Count > k) heap.Dequeue();
            }
            var kept = new (int, double)[heap.Count];
            for (int r = kept.Length - 1; r >= 0; r--)
            {
                heap.TryDequeue(out int j, out var priority);
                kept[r] = (j, priority.Similarity);
            }
            return kept;
        }
    }
}
