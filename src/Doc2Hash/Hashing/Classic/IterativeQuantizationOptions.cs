namespace Doc2Hash.Hashing.Classic;

/// <summary>Settings of <see cref="IterativeQuantization"/> (Gong and Lazebnik, CVPR 2011).</summary>
public sealed record IterativeQuantizationOptions
{
    /// <summary>Code length L = number of principal directions kept (Section 2: PCA to c = L dimensions).</summary>
    public int Bits { get; init; } = 32;

    /// <summary>Seed of the random orthogonal initial rotation (and of the PCA eigen-solver's start).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Alternating B/R updates; the paper uses 50 ("we have found 50 iterations to be sufficient", Section 2.2).</summary>
    public int Iterations { get; init; } = 50;

    /// <summary>The eigen-solver of the PCA.</summary>
    public EigenSolverOptions Pca { get; init; } = new();
}
