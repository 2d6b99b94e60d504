using System.ComponentModel;
using Doc2Hash.Configuration;

namespace Doc2Hash.Hashing.Classic;

/// <summary>Settings of <see cref="SelfTaughtHashing"/> (Zhang, Wang, Cai and Lu, SIGIR 2010).</summary>
public sealed record SelfTaughtHashingOptions : IFittedOptions
{
    /// <summary>Code length L = dimensions of the Laplacian embedding = number of classifiers.</summary>
    [Description("Code length in bits (Laplacian embedding dimensions = linear classifiers).")]
    public int Bits { get; init; } = 32;

    /// <summary>Seed of the eigen-solver's random start; the embedding agrees across seeds up to the solver's tolerance.</summary>
    [Description("Seed of the eigen-solver's random start.")]
    public int Seed { get; init; } = 1;

    /// <summary>
    /// k of the cosine kNN graph. The STH paper builds a kNN graph with cosine similarity for text (Section 3.1.1);
    /// k = 20 is the setting of the kit's paper notes for this baseline.
    /// </summary>
    [Description("k of the cosine kNN graph.")]
    public int Neighbours { get; init; } = 20;

    /// <summary>The eigen-solver for the L + 1 extreme eigenvectors of the normalised graph.</summary>
    [Description("The eigen-solver of the graph Laplacian.")]
    [OptionPrefix("eigen")]
    public EigenSolverOptions EigenSolver { get; init; } = new();

    /// <summary>The per-bit linear SVMs that hash unseen documents (Section 3.2).</summary>
    [Description("The per-bit linear SVMs.")]
    [OptionPrefix("svm")]
    public LinearSvmOptions Classifier { get; init; } = new();
}
