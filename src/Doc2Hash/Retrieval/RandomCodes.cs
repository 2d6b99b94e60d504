using System.Runtime.InteropServices;

namespace Doc2Hash.Retrieval;

/// <summary>Uniformly random codes (each bit a fair coin), the chance-level baseline and benchmark input.</summary>
public static class RandomCodes
{
    public static BinaryCodes Create(int count, int bits, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        int perCode = (bits + 63) / 64;
        var words = new ulong[count * perCode];
        // BinaryCodes requires the unused high bits of each code's last word to be zero.
        ulong lastWordMask = bits % 64 == 0 ? ulong.MaxValue : (1UL << (bits % 64)) - 1;
        random.NextBytes(MemoryMarshal.AsBytes(words.AsSpan()));
        for (int i = 0; i < count; i++) words[i * perCode + perCode - 1] &= lastWordMask;
        return new BinaryCodes(count, bits, words);
    }
}
