namespace Doc2Hash.Hashing.Classic;

/// <summary>Settings of <see cref="SelfTaughtHashing"/> (Zhang, Wang, Cai and Lu, SIGIR 2010).</summary>
public sealed record SelfTaughtHashingOptions
{
    /// <summary>Code length L = dimensions of the Laplacian embedding = number of classifiers.</summary>
    public int Bits { get; init; } = 32;

    /// <summary>Seed of the eigen-solver's random start; the embedding agrees across seeds up to the solver's tolerance.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// k of the cosine kNN graph. The STH paper builds a kNN graph with cosine similarity for text (Section 3.1.1);
    /// k = 20 is the setting of the kit's paper notes for this baseline.
    /// </summary>
    public int Neighbours { get; init; } = 20;

    /// <summary>The eigen-solver for the L + 1 extreme eigenvectors of the normalised graph.</summary>
    public EigenSolverOptions EigenSolver { get; init; } = new();

    /// <summary>The per-bit linear SVMs that hash unseen documents (Section 3.2).</summary>
    public LinearSvmOptions Classifier { get; init; } = new();
}
