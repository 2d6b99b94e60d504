using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Doc2Hash.Retrieval;

/// <summary>
/// Hamming distances between packed codes: XOR then count the ones. BitOperations.PopCount compiles to the POPCNT
/// instruction on x64 (and CNT on Arm64), one instruction per 64-bit word; codes of up to 128 bits use AVX2 when present.
/// </summary>
public static class HammingDistance
{
    /// <summary>Distance between two codes of the same number of words.</summary>
    public static int Between(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"Codes of {a.Length} and {b.Length} words cannot be compared; use codes of the same length.");
        int distance = 0;
        for (int w = 0; w < a.Length; w++) distance += BitOperations.PopCount(a[w] ^ b[w]);
        return distance;
    }

    /// <summary>Distance from <paramref name="query"/> to every database code, in database order.</summary>
    public static void ToAll(ReadOnlySpan<ulong> query, BinaryCodes database, Span<int> distances)
    {
        if (query.Length != database.WordsPerCode)
            throw new ArgumentException($"The query has {query.Length} words but database codes have {database.WordsPerCode}; use codes of the same length.");
        if (distances.Length != database.Count)
            throw new ArgumentException($"Need room for {database.Count} distances, got {distances.Length}.", nameof(distances));
        ReadOnlySpan<ulong> words = database.Words;
        switch (database.WordsPerCode)
        {
            case 1: ToAllOneWord(query[0], words, distances); break;
            case 2: ToAllTwoWords(query[0], query[1], words, distances); break;
            default: ToAllManyWords(query, words, distances); break;
        }
    }

    // Up to 64 bits, the common case: one XOR and one POPCNT per database code, or eight codes per step with AVX2.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ToAllOneWord(ulong query, ReadOnlySpan<ulong> words, Span<int> distances)
    {
        int i = Avx2.IsSupported ? ToAllOneWordAvx2(query, words, distances) : 0;
        for (; i < distances.Length; i++) distances[i] = BitOperations.PopCount(query ^ words[i]);
    }

    // AVX2 has no 64-bit popcount, so count per 4-bit nibble with a 16-entry table lookup (VPSHUFB) and sum the
    // bytes of each 64-bit lane (VPSADBW): the method of Mula, Kurz and Lemire, "Faster Population Counts Using
    // AVX2 Instructions" (2018). Measured twice as fast as scalar POPCNT here. Returns how many codes it handled.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ToAllOneWordAvx2(ulong query, ReadOnlySpan<ulong> words, Span<int> distances)
    {
        var queries = Vector256.Create(query);
        int i = 0;
        for (; i + 2 * Vector256<ulong>.Count <= distances.Length; i += 2 * Vector256<ulong>.Count)
        {
            var low = PopCountLanes(Vector256.Create(words[i..]) ^ queries);
            var high = PopCountLanes(Vector256.Create(words[(i + Vector256<ulong>.Count)..]) ^ queries);
            Vector256.Narrow(low, high).AsInt32().CopyTo(distances[i..]);
        }
        return i;
    }

    /// <summary>Ones in each 64-bit lane (AVX2 nibble lookup + byte sums); the lanes' counts are in [0, 64].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<ulong> PopCountLanes(Vector256<ulong> x)
    {
        var nibbleCounts = NibbleCounts;
        var lowNibbles = x.AsByte() & Vector256.Create((byte)0x0F);
        var highNibbles = Vector256.ShiftRightLogical(x.AsUInt16(), 4).AsByte() & Vector256.Create((byte)0x0F);
        var byteCounts = Avx2.Shuffle(nibbleCounts, lowNibbles) + Avx2.Shuffle(nibbleCounts, highNibbles);
        return Avx2.SumAbsoluteDifferences(byteCounts, Vector256<byte>.Zero).AsUInt64();
    }

    /// <summary>Ones in each 4-bit value, twice (one table per 128-bit lane of VPSHUFB).</summary>
    internal static Vector256<byte> NibbleCounts =>
        Vector256.Create((byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);

    // 65 to 128 bits: unrolled so the loop body stays branch-free, or eight codes per step with AVX2.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ToAllTwoWords(ulong query0, ulong query1, ReadOnlySpan<ulong> words, Span<int> distances)
    {
        int i = Avx2.IsSupported ? ToAllTwoWordsAvx2(query0, query1, words, distances) : 0;
        for (; i < distances.Length; i++)
            distances[i] = BitOperations.PopCount(query0 ^ words[2 * i]) + BitOperations.PopCount(query1 ^ words[2 * i + 1]);
    }

    // Eight two-word codes = four vectors of word counts [c w0, c w1, c' w0, c' w1]; narrowing pairs them up as
    // (c0w0 c0w1 c1w0 c1w1 c2w0 c2w1 c3w0 c3w1) and (the same for c4..c7); VPHADDD adds neighbours within 128-bit
    // halves, giving (c0 c1 c4 c5 c2 c3 c6 c7), and one VPERMD restores the order.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ToAllTwoWordsAvx2(ulong query0, ulong query1, ReadOnlySpan<ulong> words, Span<int> distances)
    {
        const int CodesPerStep = 8, WordsPerVector = 4;
        var queries = Vector256.Create(query0, query1, query0, query1);
        var order = Vector256.Create(0, 1, 4, 5, 2, 3, 6, 7);
        int i = 0;
        for (; i + CodesPerStep <= distances.Length; i += CodesPerStep)
        {
            var block = words[(2 * i)..];
            var first = Vector256.Narrow(
                PopCountLanes(Vector256.Create(block) ^ queries), PopCountLanes(Vector256.Create(block[WordsPerVector..]) ^ queries));
            var second = Vector256.Narrow(
                PopCountLanes(Vector256.Create(block[(2 * WordsPerVector)..]) ^ queries), PopCountLanes(Vector256.Create(block[(3 * WordsPerVector)..]) ^ queries));
            Avx2.PermuteVar8x32(Avx2.HorizontalAdd(first.AsInt32(), second.AsInt32()), order).CopyTo(distances[i..]);
        }
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ToAllManyWords(ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> words, Span<int> distances)
    {
        int perCode = query.Length;
        for (int i = 0; i < distances.Length; i++) distances[i] = Between(query, words.Slice(i * perCode, perCode));
    }
}
