namespace Doc2Hash.Retrieval;

/// <summary>
/// Binary hash codes packed into 64-bit words: code i occupies Words[i*WordsPerCode .. (i+1)*WordsPerCode),
/// bit b of the code is bit (b % 64) of word b / 64. Unused high bits of the last word are always zero.
/// </summary>
public sealed class BinaryCodes
{
    public BinaryCodes(int count, int bits, ulong[] words)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        int perCode = (bits + 63) / 64;
        if (words.Length != count * perCode)
            throw new ArgumentException($"{count} codes of {bits} bits need {count * perCode} words, got {words.Length}.", nameof(words));
        Count = count;
        Bits = bits;
        WordsPerCode = perCode;
        Words = words;
    }

    public int Count { get; }
    public int Bits { get; }
    public int WordsPerCode { get; }
    public ulong[] Words { get; }

    public ReadOnlySpan<ulong> Code(int index) => Words.AsSpan(index * WordsPerCode, WordsPerCode);

    public bool this[int index, int bit] => (Words[index * WordsPerCode + (bit >> 6)] >> (bit & 63) & 1UL) != 0;

    /// <summary>Code <paramref name="index"/> as text, bit 0 first: "0110..." (for printing a code).</summary>
    public string ToBitString(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return string.Create(Bits, (Codes: this, Index: index), static (text, state) =>
        {
            for (int b = 0; b < text.Length; b++) text[b] = state.Codes[state.Index, b] ? '1' : '0';
        });
    }

    /// <summary>Packs a row-major 0/1 matrix (count x bits); any non-zero byte is a one.</summary>
    public static BinaryCodes FromBits(int count, int bits, ReadOnlySpan<byte> rowMajorBits)
    {
        if (rowMajorBits.Length != count * bits)
            throw new ArgumentException($"Expected {count * bits} bits ({count} x {bits}), got {rowMajorBits.Length}.");
        int perCode = (bits + 63) / 64;
        var words = new ulong[count * perCode];
        for (int i = 0; i < count; i++)
            for (int b = 0; b < bits; b++)
                if (rowMajorBits[i * bits + b] != 0) words[i * perCode + (b >> 6)] |= 1UL << (b & 63);
        return new BinaryCodes(count, bits, words);
    }

    /// <summary>Unpacks to a row-major 0/1 matrix (count x bits).</summary>
    public byte[] ToBits()
    {
        var result = new byte[Count * Bits];
        for (int i = 0; i < Count; i++)
            for (int b = 0; b < Bits; b++)
                result[i * Bits + b] = this[i, b] ? (byte)1 : (byte)0;
        return result;
    }
}
