namespace Doc2Hash.Hashing.Classic;

/// <summary>Settings of <see cref="SymmetricEigenSolver"/> (restarted block Krylov with Rayleigh-Ritz).</summary>
public sealed record EigenSolverOptions
{
    /// <summary>Block width = wanted eigenpairs + this many extra vectors, which speed up convergence of the last wanted ones.</summary>
    public int Oversampling { get; init; } = 16;

    /// <summary>Blocks per Krylov basis [V, AV, ..., A^(q-1) V] before a Rayleigh-Ritz restart.</summary>
    public int KrylovBlocks { get; init; } = 6;

    /// <summary>Converged when every wanted Ritz pair has ||A u - theta u|| &lt;= Tolerance * theta_max (u unit).</summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>Give up (with an error naming the residual reached) after this many restarts.</summary>
    public int MaxRestarts { get; init; } = 300;

    /// <summary>Operators of at most this order are decomposed densely (LAPACK eigh of the whole matrix) instead.</summary>
    public int DenseLimit { get; init; } = 1500;
}
