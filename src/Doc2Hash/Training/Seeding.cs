using static TorchSharp.torch;

namespace Doc2Hash.Training;

/// <summary>
/// Turns the run's one seed into the seeds of its parts. Each epoch gets its own seed derived from (seed, epoch),
/// used for the shuffle, the Gumbel generator and torch's global generator (dropout). Epochs therefore do not
/// depend on the RNG state left by earlier epochs, which is what makes resuming from a checkpoint exact.
/// </summary>
public static class Seeding
{
    /// <summary>Seeds torch's global generator before a model is built, so initial weights follow the run's seed.</summary>
    public static void SeedInitialisation(int seed) => ReseedGlobal(Mix((ulong)seed, 0));

    /// <summary>The seed of epoch <paramref name="epoch"/> (0-based) of a run with seed <paramref name="seed"/>.</summary>
    public static long ForEpoch(int seed, int epoch) => Mix((ulong)seed, (ulong)epoch + 1);

    /// <summary>Seeds torch's global CPU (and CUDA) generators, which dropout draws from.</summary>
    public static void ReseedGlobal(long seed)
    {
        manual_seed(seed);
        if (cuda.is_available()) cuda.manual_seed_all(seed);
    }

    /// <summary>SplitMix64 finaliser of (seed, stream): well-spread, non-negative 63-bit seeds for nearby inputs.</summary>
    private static long Mix(ulong seed, ulong stream)
    {
        ulong z = seed * 0x9E3779B97F4A7C15UL + stream * 0xBF58476D1CE4E5B9UL + 0x94D049BB133111EBUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (long)((z ^ (z >> 31)) >> 1);
    }
}
