namespace Doc2Hash.Data.Preprocessing;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; the constants of
/// Vigna's reference version): a tiny generator whose output for a seed is fixed by its definition, so shuffles are
/// identical on every platform and .NET version (System.Random's seeded sequence is not guaranteed across versions).
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15;
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        ulong z = _state += GoldenGamma;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMaximum"/>), without modulo bias (rejection).</summary>
    public int NextInt(int exclusiveMaximum)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMaximum);
        ulong bound = (ulong)exclusiveMaximum;
        // Values below 2^64 mod bound would make the low residues more likely; draw again in that rare case.
        ulong threshold = (0 - bound) % bound;
        ulong value;
        do value = NextUInt64(); while (value < threshold);
        return (int)(value % bound);
    }
}
