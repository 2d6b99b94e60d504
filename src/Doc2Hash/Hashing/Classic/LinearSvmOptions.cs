namespace Doc2Hash.Hashing.Classic;

/// <summary>
/// Settings of <see cref="LinearSvm"/>: the L2-regularised L2-loss (squared hinge) linear SVM, LIBLINEAR's default
/// formulation (Fan et al., JMLR 9, 2008), min_w 1/2 ||w||^2 + C sum_i max(0, 1 - y_i (w . x_i + c))^2.
/// </summary>
public sealed record LinearSvmOptions
{
    /// <summary>Penalty C on the training loss; 1 is LIBLINEAR's and scikit-learn's LinearSVC default.</summary>
    public double C { get; init; } = 1.0;

    /// <summary>L-BFGS stops when MathNet's relative gradient max_i |g_i| max(|w_i|, 1) / max(|f|, 1) falls below this.</summary>
    public double GradientTolerance { get; init; } = 1e-6;

    /// <summary>L-BFGS iteration cap per bit (the problems here converge in a few hundred).</summary>
    public int MaxIterations { get; init; } = 2000;

    /// <summary>Correction pairs kept by L-BFGS.</summary>
    public int Memory { get; init; } = 10;
}
