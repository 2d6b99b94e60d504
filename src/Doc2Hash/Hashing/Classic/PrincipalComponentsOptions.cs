namespace Doc2Hash.Hashing.Classic;

/// <summary>
/// Accuracy knobs of the randomized PCA (Halko, Martinsson and Tropp, "Finding structure with randomness",
/// SIAM Review 53(2), 2011, Algorithms 4.4 and 5.1). The defaults are scikit-learn's randomized_svd defaults, which
/// its PCA uses for inputs of this size.
/// </summary>
public sealed record PrincipalComponentsOptions
{
    /// <summary>Extra random directions beyond the wanted components (scikit-learn: n_oversamples = 10).</summary>
    public int Oversampling { get; init; } = 10;

    /// <summary>
    /// Subspace (power) iterations: each one multiplies the sketch by X_c^T X_c, sharpening the decay of the spectrum
    /// (scikit-learn: 7 when fewer than 10% of the dimensions are kept, which is always the case here).
    /// </summary>
    public int PowerIterations { get; init; } = 7;
}
