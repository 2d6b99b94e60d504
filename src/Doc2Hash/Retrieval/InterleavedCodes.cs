using System.Numerics;

namespace Doc2Hash.Retrieval;

/// <summary>
/// Database codes regrouped for SIMD: eight codes per group, and within a group word w of the eight codes side by
/// side (<c>Words[(g * WordsPerCode + w) * 8 + lane]</c> is word w of code 8g + lane). One 512-bit load (or two
/// 256-bit loads) then holds the same word of eight codes, so the distances of eight codes are computed with no
/// shuffling, whatever the code length. For one-word codes this is the packed layout itself. The last group is
/// padded with zero codes; <see cref="Count"/> says where the real codes end.
/// </summary>
internal sealed class InterleavedCodes
{
    public const int Lanes = 8;

    private InterleavedCodes(int count, int bits, int wordsPerCode, ulong[] words)
    {
        Count = count;
        Bits = bits;
        WordsPerCode = wordsPerCode;
        Words = words;
    }

    public int Count { get; }
    public int Bits { get; }
    public int WordsPerCode { get; }
    public int Groups => (Count + Lanes - 1) / Lanes;
    public ulong[] Words { get; }

    /// <summary>Distance from <paramref name="query"/> to code <paramref name="index"/>, one POPCNT per word (the scan's rare path).</summary>
    public int Distance(int index, ReadOnlySpan<ulong> query)
    {
        int first = index / Lanes * WordsPerCode * Lanes + index % Lanes, distance = 0;
        for (int w = 0; w < WordsPerCode; w++) distance += BitOperations.PopCount(Words[first + w * Lanes] ^ query[w]);
        return distance;
    }

    public static InterleavedCodes From(BinaryCodes codes)
    {
        int perCode = codes.WordsPerCode, groups = (codes.Count + Lanes - 1) / Lanes;
        var words = new ulong[groups * perCode * Lanes];
        for (int i = 0; i < codes.Count; i++)
        {
            int group = i / Lanes, lane = i % Lanes;
            var code = codes.Code(i);
            for (int w = 0; w < perCode; w++) words[(group * perCode + w) * Lanes + lane] = code[w];
        }
        return new InterleavedCodes(codes.Count, codes.Bits, perCode, words);
    }
}
