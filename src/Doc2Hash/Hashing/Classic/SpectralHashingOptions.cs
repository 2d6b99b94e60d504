namespace Doc2Hash.Hashing.Classic;

/// <summary>Settings of <see cref="SpectralHashing"/> (Weiss, Torralba and Fergus, NIPS 2008).</summary>
public sealed record SpectralHashingOptions
{
    /// <summary>Code length L; the data are reduced by PCA to min(L, d) dimensions as in the paper (Section 3.1, step 1).</summary>
    public int Bits { get; init; } = 32;

    /// <summary>Seed of the PCA eigen-solver's random start; the fitted directions agree across seeds up to its tolerance.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The eigen-solver of the PCA.</summary>
    public EigenSolverOptions Pca { get; init; } = new();
}
