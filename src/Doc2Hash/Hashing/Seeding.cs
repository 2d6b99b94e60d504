namespace Doc2Hash.Hashing;

/// <summary>
/// Turns the run's one seed into the seeds of its parts: initial weights (one stream per part of a model) and each
/// epoch, whose seed drives the shuffle and the generator of every step (Gumbel noise, dropout masks). Nothing
/// uses torch's global generator, so runs are repeatable even when other threads use torch. Epochs do not depend
/// on the RNG state left by earlier epochs, which is what makes resuming from a checkpoint exact.
/// </summary>
public static class Seeding
{
    /// <summary>The seed of the generator that draws a model's initial weights (<paramref name="stream"/> separates parts).</summary>
    public static long ForInitialisation(int seed, int stream = 0) => Mix((ulong)seed, ulong.MaxValue - (ulong)stream);

    /// <summary>The seed of epoch <paramref name="epoch"/> (0-based) of a run with seed <paramref name="seed"/>.</summary>
    public static long ForEpoch(int seed, int epoch) => Mix((ulong)seed, (ulong)epoch);

    /// <summary>SplitMix64 finaliser of (seed, stream): well-spread, non-negative 63-bit seeds for nearby inputs.</summary>
    private static long Mix(ulong seed, ulong stream)
    {
        ulong z = seed * 0x9E3779B97F4A7C15UL + stream * 0xBF58476D1CE4E5B9UL + 0x94D049BB133111EBUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (long)((z ^ (z >> 31)) >> 1);
    }
}
