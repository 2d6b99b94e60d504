using Doc2Hash.Hashing.Classic;
using Doc2Hash.Text;

namespace Doc2Hash.Tests.Hashing.Classic;

public class CosineKnnGraphTests
{
    [Fact]
    public void Neighbours_with_many_exact_ties_follow_similarity_then_index()
    {
        // 14 documents, each with 4 of 8 words at weight 0.5 (unit norm): cosines are exact multiples of 1/4, so
        // ties are everywhere and the rule (similarity descending, then smaller index) decides.
        var documents = TieHeavyDocuments(14, seed: 3);
        AssertMatchesBruteForce(documents, 3);
        AssertMatchesBruteForce(documents, 5);
    }

    [Fact]
    public void Neighbours_of_random_documents_match_brute_force()
    {
        AssertMatchesBruteForce(ClassicFixtures.RandomSparse(60, 40, 0.15, seed: 7), 6);
    }

    [Fact]
    public void Graph_is_the_symmetrised_knn_relation_with_cosine_weights()
    {
        var documents = TieHeavyDocuments(14, seed: 5);
        const int k = 3;
        var expected = BruteForce(documents, k);
        var graph = CosineKnnGraph.Build(documents, k).ToDense();
        var cosine = Cosines(documents);
        for (int i = 0; i < 14; i++)
            for (int j = 0; j < 14; j++)
            {
                bool edge = expected[i].Contains(j) || expected[j].Contains(i);
                Assert.Equal(edge ? (float)cosine[i, j] : 0f, graph[i, j]);
            }
    }

    [Fact]
    public void Documents_sharing_no_word_are_never_neighbours()
    {
        // Rows 0-1 share word 0; row 2 shares nothing with anyone.
        var documents = SparseMatrix.FromDense(new float[,] { { 1, 0, 0 }, { 0.6f, 0.8f, 0 }, { 0, 0, 1 } });
        var neighbours = CosineKnnGraph.NearestNeighbours(documents, 2);
        Assert.Equal([1], neighbours[0].Select(n => n.Index));
        Assert.Equal([0], neighbours[1].Select(n => n.Index));
        Assert.Empty(neighbours[2]);
    }

    private static void AssertMatchesBruteForce(SparseMatrix documents, int k)
    {
        var expected = BruteForce(documents, k);
        var cosine = Cosines(documents);
        var actual = CosineKnnGraph.NearestNeighbours(documents, k);
        for (int i = 0; i < documents.Rows; i++)
        {
            Assert.Equal(expected[i], actual[i].Select(n => n.Index).ToList());
            foreach (var (j, s) in actual[i]) Assert.Equal(cosine[i, j], s, 12);
        }
    }

    /// <summary>All pairs from the dense matrix, sorted by (cosine descending, index ascending), positive cosines only.</summary>
    private static List<int>[] BruteForce(SparseMatrix documents, int k)
    {
        var cosine = Cosines(documents);
        return Enumerable.Range(0, documents.Rows).Select(i => Enumerable.Range(0, documents.Rows)
            .Where(j => j != i && cosine[i, j] > 0)
            .OrderByDescending(j => cosine[i, j]).ThenBy(j => j)
            .Take(k).ToList()).ToArray();
    }

    private static double[,] Cosines(SparseMatrix documents)
    {
        var dense = documents.ToDense();
        int n = documents.Rows;
        var result = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double dot = 0, ni = 0, nj = 0;
                for (int c = 0; c < documents.Columns; c++)
                {
                    dot += (double)dense[i, c] * dense[j, c];
                    ni += (double)dense[i, c] * dense[i, c];
                    nj += (double)dense[j, c] * dense[j, c];
                }
                result[i, j] = dot / Math.Sqrt(ni * nj);
            }
        return result;
    }

    private static SparseMatrix TieHeavyDocuments(int count, int seed)
    {
        var random = new Random(seed);
        var dense = new float[count, 8];
        for (int i = 0; i < count; i++)
            foreach (int word in Enumerable.Range(0, 8).OrderBy(_ => random.Next()).Take(4)) dense[i, word] = 0.5f;
        return SparseMatrix.FromDense(dense);
    }
}
