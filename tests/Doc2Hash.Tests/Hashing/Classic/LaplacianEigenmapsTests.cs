using Doc2Hash.Hashing.Classic;
using Doc2Hash.Text;

namespace Doc2Hash.Tests.Hashing.Classic;

public class LaplacianEigenmapsTests
{
    private static readonly SparseMatrix Graph = CosineKnnGraph.Build(ClassicFixtures.Synthetic.Train.Features, 10);

    [Theory]
    [InlineData(1500)]   // n = 400: dense LAPACK decomposition of the normalised graph
    [InlineData(0)]      // forced block Krylov iteration
    public void Embedding_solves_the_generalised_eigenproblem_with_D_orthonormal_columns(int denseLimit)
    {
        const int dimensions = 8;
        var options = new EigenSolverOptions { DenseLimit = denseLimit, Tolerance = 1e-9 };

        var embedding = LaplacianEigenmaps.Embed(Graph, dimensions, options, seed: 1);

        int n = Graph.Rows;
        var w = Graph.ToDense();
        var degree = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => (double)w[i, j])).ToArray();
        double Y(int i, int c) => embedding.Coordinates[i * dimensions + c];
        for (int c = 0; c < dimensions; c++)
        {
            // || (D - W) y - lambda D y || relative to || D y ||, computed here from the dense graph.
            double lambda = embedding.Eigenvalues[c], residual = 0, scale = 0;
            for (int i = 0; i < n; i++)
            {
                double ly = degree[i] * Y(i, c);
                for (int j = 0; j < n; j++) ly -= w[i, j] * Y(j, c);
                residual += Math.Pow(ly - lambda * degree[i] * Y(i, c), 2);
                scale += Math.Pow(degree[i] * Y(i, c), 2);
            }
            Assert.True(Math.Sqrt(residual / scale) < 1e-6, $"column {c}: relative residual {Math.Sqrt(residual / scale):E2}");
            Assert.InRange(lambda, -1e-9, 2);   // 0 is allowed: 4 topics may give a graph with several components
            if (c > 0) Assert.True(lambda >= embedding.Eigenvalues[c - 1] - 1e-12, "eigenvalues must ascend");
            // Y^T D 1 = 0 (orthogonal to the trivial solution) and Y^T D Y = I.
            Assert.Equal(0, Enumerable.Range(0, n).Sum(i => degree[i] * Y(i, c)), 6);
            for (int e = 0; e <= c; e++)
                Assert.Equal(e == c ? 1.0 : 0.0, Enumerable.Range(0, n).Sum(i => degree[i] * Y(i, c) * Y(i, e)), 6);
        }
    }

    [Fact]
    public void Krylov_and_dense_solvers_find_the_same_eigenvalues()
    {
        var dense = LaplacianEigenmaps.Embed(Graph, 12, new EigenSolverOptions(), seed: 1);
        var krylov = LaplacianEigenmaps.Embed(Graph, 12, new EigenSolverOptions { DenseLimit = 0, Tolerance = 1e-9 }, seed: 2);
        for (int c = 0; c < 12; c++) Assert.Equal(dense.Eigenvalues[c], krylov.Eigenvalues[c], 9);
    }

    [Fact]
    public void An_isolated_document_is_reported()
    {
        var graph = SparseMatrix.FromDense(new float[,] { { 0, 1, 0 }, { 1, 0, 0 }, { 0, 0, 0 } });
        var error = Assert.Throws<ArgumentException>(() => LaplacianEigenmaps.Embed(graph, 1, new EigenSolverOptions(), 1));
        Assert.Contains("Document 2", error.Message);
    }
}
