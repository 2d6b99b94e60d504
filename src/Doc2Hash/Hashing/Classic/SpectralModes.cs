namespace Doc2Hash.Hashing.Classic;

/// <summary>One analytical eigenfunction of spectral hashing: principal direction j (0-based) and mode k >= 1.</summary>
public readonly record struct SpectralMode(int Direction, int Mode);

/// <summary>
/// Which eigenfunctions spectral hashing keeps (Weiss, Torralba and Fergus, "Spectral Hashing", NIPS 2008, Section 3.1).
/// For data uniform on [a, b] the one-dimensional Laplacian eigenfunctions are
/// Phi_k(x) = sin(pi/2 + k pi / (b - a) x), k = 1, 2, ..., with eigenvalues
/// lambda_k = 1 - exp(-(eps^2 / 2) |k pi / (b - a)|^2). For a separable (rectangle) distribution the outer-product
/// eigenfunctions are products of one-dimensional ones; the paper keeps only single-dimension eigenfunctions (a
/// product eigenfunction has a larger eigenvalue than either factor's) and takes the L with the smallest eigenvalues
/// over all (direction, mode) pairs. lambda_k increases with (k / (b - a))^2 for every eps, so that is the sort key
/// and eps never needs a value. Ties (equal k / (b - a)) are ordered by direction, then mode.
/// </summary>
public static class SpectralModes
{
    /// <summary>The <paramref name="bits"/> pairs with the smallest eigenvalues, in increasing order, given each principal direction's range b_j - a_j.</summary>
    public static SpectralMode[] Select(IReadOnlyList<double> ranges, int bits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        if (ranges.Count == 0) throw new ArgumentException("Spectral hashing needs at least one principal direction.", nameof(ranges));
        for (int j = 0; j < ranges.Count; j++)
        {
            if (!(ranges[j] > 0) || double.IsInfinity(ranges[j]))
                throw new ArgumentException($"Principal direction {j} has range {ranges[j]}: the training data do not vary along it. Use fewer bits (fewer principal directions).", nameof(ranges));
        }
        // Direction j never contributes more than `bits` modes, so modes 1..bits of every direction suffice.
        var candidates = new List<(double Key, SpectralMode Mode)>(ranges.Count * bits);
        for (int j = 0; j < ranges.Count; j++)
        {
            for (int k = 1; k <= bits; k++)
            {
                double frequency = k / ranges[j];
                candidates.Add((frequency * frequency, new SpectralMode(j, k)));
            }
        }
        return candidates
            .OrderBy(c => c.Key).ThenBy(c => c.Mode.Direction).ThenBy(c => c.Mode.Mode)
            .Take(bits).Select(c => c.Mode).ToArray();
    }

    /// <summary>The eigenvalue lambda_k = 1 - exp(-(eps^2 / 2) (k pi / range)^2) of a mode (Weiss et al. 2008, Eq. 7).</summary>
    public static double Eigenvalue(double range, int mode, double epsilon)
    {
        double frequency = mode * Math.PI / range;
        return 1 - Math.Exp(-epsilon * epsilon / 2 * frequency * frequency);
    }
}
