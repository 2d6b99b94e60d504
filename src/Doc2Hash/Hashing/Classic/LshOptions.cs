namespace Doc2Hash.Hashing.Classic;

/// <summary>Settings of <see cref="Lsh"/>. Random-hyperplane LSH has no hyperparameter besides the code length.</summary>
public sealed record LshOptions
{
    /// <summary>Code length L = number of random hyperplanes (the literature reports 8-128).</summary>
    public int Bits { get; init; } = 32;

    /// <summary>Seed of the Gaussian hyperplanes; equal seeds give equal codes.</summary>
    public int Seed { get; init; } = 1;
}
