using Doc2Hash.Text;

namespace Doc2Hash.Hashing.Classic;

/// <summary>
/// A spectral embedding of the graph's vertices: Coordinates (n x Dimensions, row-major) with Y^T D Y = I, and the
/// generalised eigenvalues lambda (ascending) of L y = lambda D y that belong to its columns.
/// </summary>
public sealed record SpectralEmbedding(int Documents, int Dimensions, double[] Coordinates, double[] Eigenvalues, double MaxResidual, int Restarts);

/// <summary>
/// Laplacian eigenmaps (Belkin and Niyogi 2003), the first step of self-taught hashing (Zhang et al., SIGIR 2010,
/// Section 3.1.1, Eq. 5-8): minimise sum_ij W_ij ||y_i - y_j||^2 subject to Y^T D Y = I and Y^T D 1 = 0, whose
/// solution is the eigenvectors of the generalised problem L y = lambda D y (L = D - W, D = diag(W 1)) with the
/// smallest eigenvalues after the trivial lambda = 0, y = 1. Solved through the normalised form: with z = D^(1/2) y the
/// problem is D^(-1/2) L D^(-1/2) z = lambda z, i.e. S z = (1 - lambda) z with S = D^(-1/2) W D^(-1/2), so the wanted
/// vectors are the largest eigenvectors of the sparse S (<see cref="SymmetricEigenSolver"/>) after the trivial one.
/// </summary>
public static class LaplacianEigenmaps
{
    public static SpectralEmbedding Embed(SparseMatrix graph, int dimensions, EigenSolverOptions options, long seed)
    {
        int n = graph.Rows;
        if (graph.Columns != n) throw new ArgumentException($"A graph's weight matrix must be square (got {n} x {graph.Columns}).", nameof(graph));
        if (dimensions < 1 || dimensions >= n)
            throw new ArgumentOutOfRangeException(nameof(dimensions), $"An embedding of {n} vertices has at most {n - 1} non-trivial dimensions; asked for {dimensions}.");
        var inverseRootDegree = InverseRootDegrees(graph);
        // The trivial solution y = 1, i.e. z0 = D^(1/2) 1 / ||D^(1/2) 1||, is an eigenvector of S with theta = 1. It is
        // deflated (S - z0 z0^T) rather than skipped, so the constraint Y^T D 1 = 0 holds exactly even when the graph
        // has several components and theta = 1 is a multiple eigenvalue (the other vectors of that eigenspace are
        // component indicators, legitimate solutions).
        var trivial = inverseRootDegree.Select(s => 1 / s).ToArray();
        double norm = Math.Sqrt(trivial.Sum(t => t * t));
        for (int i = 0; i < n; i++) trivial[i] /= norm;
        double[] Deflated(double[] block, int width)
        {
            var product = ScaleRows(SparseProducts.Times(graph, ScaleRows(block, inverseRootDegree, width), width), inverseRootDegree, width);
            var projection = new double[width];
            for (int i = 0; i < n; i++) SparseProducts.MultiplyAdd(trivial[i], block.AsSpan(i * width, width), projection);
            for (int i = 0; i < n; i++) SparseProducts.MultiplyAdd(-trivial[i], projection, product.AsSpan(i * width, width));
            return product;
        }
        var pairs = SymmetricEigenSolver.Largest(Deflated, n, dimensions, options, seed);

        // y = D^(-1/2) z, lambda = 1 - theta.
        var coordinates = new double[(long)n * dimensions];
        for (int i = 0; i < n; i++)
            for (int c = 0; c < dimensions; c++)
                coordinates[(long)i * dimensions + c] = inverseRootDegree[i] * pairs.Vectors[(long)i * dimensions + c];
        SignConvention.MakeLargestEntryPositive(coordinates, n, dimensions);
        var eigenvalues = pairs.Values.Select(theta => 1 - theta).ToArray();
        return new SpectralEmbedding(n, dimensions, coordinates, eigenvalues, pairs.MaxResidual, pairs.Restarts);
    }

    private static double[] InverseRootDegrees(SparseMatrix graph)
    {
        var result = new double[graph.Rows];
        for (int i = 0; i < graph.Rows; i++)
        {
            double degree = 0;
            foreach (float w in graph.RowValues(i))
            {
                if (w < 0) throw new ArgumentException($"Graph weight in row {i} is negative ({w}); Laplacian eigenmaps need non-negative similarities.", nameof(graph));
                degree += w;
            }
            if (!(degree > 0))
                throw new ArgumentException($"Document {i} has no neighbour (degree 0): it shares no word with any other training document, e.g. an empty row. Remove such documents before fitting.", nameof(graph));
            result[i] = 1 / Math.Sqrt(degree);
        }
        return result;
    }

    private static double[] ScaleRows(double[] block, double[] scale, int width)
    {
        var result = new double[block.Length];
        for (int i = 0; i < scale.Length; i++)
            for (int c = 0; c < width; c++) result[(long)i * width + c] = scale[i] * block[(long)i * width + c];
        return result;
    }
}
