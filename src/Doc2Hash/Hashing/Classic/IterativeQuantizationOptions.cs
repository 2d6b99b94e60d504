using System.ComponentModel;
using Doc2Hash.Configuration;

namespace Doc2Hash.Hashing.Classic;

/// <summary>Settings of <see cref="IterativeQuantization"/> (Gong and Lazebnik, CVPR 2011).</summary>
public sealed record IterativeQuantizationOptions : IFittedOptions
{
    /// <summary>Code length L = number of principal directions kept (Section 2: PCA to c = L dimensions).</summary>
    [Description("Code length in bits (principal directions kept).")]
    public int Bits { get; init; } = 32;

    /// <summary>Seed of the random orthogonal initial rotation (and of the PCA eigen-solver's start).</summary>
    [Description("Seed of the initial rotation and the PCA eigen-solver.")]
    public int Seed { get; init; } = 1;

    /// <summary>Alternating B/R updates; the paper uses 50 ("we have found 50 iterations to be sufficient", Section 2.2).</summary>
    [Description("Alternating code/rotation updates.")]
    public int Iterations { get; init; } = 50;

    /// <summary>The eigen-solver of the PCA.</summary>
    [Description("The PCA eigen-solver.")]
    [OptionPrefix("pca")]
    public EigenSolverOptions Pca { get; init; } = new();
}
