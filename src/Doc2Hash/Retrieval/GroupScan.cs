using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Doc2Hash.Retrieval;

/// <summary>
/// The inner loop of the linear scan: distances from one query to groups [start, end) of interleaved database
/// codes, eight codes per vector step, compared with the collector's threshold in the same step. Only a group with
/// a code within the threshold leaves the loop (rare: about 1,400 of 125,000 groups per query for top-100 of 1M
/// random 64-bit codes), so a group costs one load, XOR and popcount per word plus one compare.
/// <para>
/// Each kernel is a search for the next flagged step (<c>Next...</c>: no calls inside, so every vector stays in a
/// register; on x64 Unix a call would spill them all) followed, outside it, by the collector re-measuring the few
/// flagged codes with scalar POPCNT. One-word codes (up to 64 bits, the common case) take two groups per step;
/// two-word codes (65-128 bits) get their own loop.
/// </para>
/// </summary>
internal static class GroupScan
{
    private const int Lanes = InterleavedCodes.Lanes;

    public static void Run(HammingKernel kernel, InterleavedCodes codes, ReadOnlySpan<ulong> query, int start, int end, TopKCollector collector)
    {
        int perCode = codes.WordsPerCode;
        int groupsPerStep = kernel == HammingKernel.Avx512 && perCode == 1 ? 2 : 1; // a tail step of one group ends the block anyway
        for (int g = start; g < end; g += groupsPerStep)
        {
            ulong mask;
            (g, mask) = kernel switch
            {
                HammingKernel.Avx512 when perCode == 1 => NextAvx512OneWord(codes.Words, query[0], g, end, collector.Threshold),
                HammingKernel.Avx512 when perCode == 2 => NextAvx512TwoWords(codes.Words, query[0], query[1], g, end, collector.Threshold),
                HammingKernel.Avx512 => NextAvx512(codes.Words, query, g, end, collector.Threshold),
                HammingKernel.Avx2 => NextAvx2(codes.Words, query, g, end, collector.Threshold),
                _ => NextScalar(codes.Words, query, g, end, collector.Threshold),
            };
            if (mask == 0) return;
            collector.OfferFlagged(codes, query, g, mask);
        }
    }

    // Returns the first step at or after group g with a code within the threshold, and its flags (8 per group,
    // two groups per step); (end, 0) when there is none.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static (int Group, ulong Mask) NextAvx512OneWord(ulong[] codes, ulong query, int g, int end, int threshold)
    {
        ref ulong words = ref MemoryMarshal.GetArrayDataReference(codes);
        var popCount = BytePopCount512.Create();
        var queries = Vector512.Create(query);
        var limit = Vector512.Create((ulong)threshold);
        for (; g + 1 < end; g += 2)
        {
            nuint offset = (nuint)g * Lanes;
            var first = BytePopCount512.SumLanes(popCount.OfBytes(Vector512.LoadUnsafe(ref words, offset) ^ queries));
            var second = BytePopCount512.SumLanes(popCount.OfBytes(Vector512.LoadUnsafe(ref words, offset + Lanes) ^ queries));
            ulong mask = Vector512.LessThanOrEqual(first, limit).ExtractMostSignificantBits()
                | Vector512.LessThanOrEqual(second, limit).ExtractMostSignificantBits() << Lanes;
            if (mask != 0) return (g, mask);
        }
        for (; g < end; g++)
        {
            var last = BytePopCount512.SumLanes(popCount.OfBytes(Vector512.LoadUnsafe(ref words, (nuint)g * Lanes) ^ queries));
            ulong mask = Vector512.LessThanOrEqual(last, limit).ExtractMostSignificantBits();
            if (mask != 0) return (g, mask);
        }
        return (end, 0);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static (int Group, ulong Mask) NextAvx512TwoWords(ulong[] codes, ulong query0, ulong query1, int g, int end, int threshold)
    {
        ref ulong words = ref MemoryMarshal.GetArrayDataReference(codes);
        var popCount = BytePopCount512.Create();
        var (queries0, queries1) = (Vector512.Create(query0), Vector512.Create(query1));
        var limit = Vector512.Create((ulong)threshold);
        for (; g < end; g++)
        {
            nuint offset = (nuint)g * 2 * Lanes;
            var distances = BytePopCount512.SumLanes(
                popCount.OfBytes(Vector512.LoadUnsafe(ref words, offset) ^ queries0) + popCount.OfBytes(Vector512.LoadUnsafe(ref words, offset + Lanes) ^ queries1));
            ulong mask = Vector512.LessThanOrEqual(distances, limit).ExtractMostSignificantBits();
            if (mask != 0) return (g, mask);
        }
        return (end, 0);
    }

    // Byte counts of up to 31 words are summed before VPSADBW: at most 8 ones per byte and word, so 31 x 8 = 248 fits a byte.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static (int Group, ulong Mask) NextAvx512(ulong[] codes, ReadOnlySpan<ulong> query, int g, int end, int threshold)
    {
        const int WordsPerByteSum = 31;
        ref ulong words = ref MemoryMarshal.GetArrayDataReference(codes);
        var popCount = BytePopCount512.Create();
        int perCode = query.Length;
        Span<Vector512<ulong>> queries = stackalloc Vector512<ulong>[perCode];
        for (int w = 0; w < perCode; w++) queries[w] = Vector512.Create(query[w]);
        var limit = Vector512.Create((ulong)threshold);
        for (; g < end; g++)
        {
            nuint offset = (nuint)g * (nuint)perCode * Lanes;
            var distances = Vector512<ulong>.Zero;
            for (int w = 0; w < perCode;)
            {
                var bytes = Vector512<byte>.Zero;
                for (int stop = Math.Min(perCode, w + WordsPerByteSum); w < stop; w++, offset += Lanes)
                    bytes += popCount.OfBytes(Vector512.LoadUnsafe(ref words, offset) ^ queries[w]);
                distances += BytePopCount512.SumLanes(bytes);
            }
            ulong mask = Vector512.LessThanOrEqual(distances, limit).ExtractMostSignificantBits();
            if (mask != 0) return (g, mask);
        }
        return (end, 0);
    }

    // Two 256-bit halves per group; counts fit a signed lane, so the compare is AVX2's signed VPCMPGTQ.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static (int Group, ulong Mask) NextAvx2(ulong[] codes, ReadOnlySpan<ulong> query, int g, int end, int threshold)
    {
        ref ulong words = ref MemoryMarshal.GetArrayDataReference(codes);
        int perCode = query.Length;
        Span<Vector256<ulong>> queries = stackalloc Vector256<ulong>[perCode];
        for (int w = 0; w < perCode; w++) queries[w] = Vector256.Create(query[w]);
        var limit = Vector256.Create((long)threshold);
        for (; g < end; g++)
        {
            nuint offset = (nuint)g * (nuint)perCode * Lanes;
            Vector256<ulong> low = Vector256<ulong>.Zero, high = Vector256<ulong>.Zero;
            for (int w = 0; w < perCode; w++, offset += Lanes)
            {
                low += HammingDistance.PopCountLanes(Vector256.LoadUnsafe(ref words, offset) ^ queries[w]);
                high += HammingDistance.PopCountLanes(Vector256.LoadUnsafe(ref words, offset + 4) ^ queries[w]);
            }
            ulong mask = Vector256.LessThanOrEqual(low.AsInt64(), limit).ExtractMostSignificantBits()
                | Vector256.LessThanOrEqual(high.AsInt64(), limit).ExtractMostSignificantBits() << 4;
            if (mask != 0) return (g, mask);
        }
        return (end, 0);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static (int Group, ulong Mask) NextScalar(ulong[] codes, ReadOnlySpan<ulong> query, int g, int end, int threshold)
    {
        int perCode = query.Length;
        for (; g < end; g++)
        {
            ulong mask = 0;
            for (int lane = 0; lane < Lanes; lane++)
            {
                int distance = 0;
                for (int w = 0; w < perCode; w++) distance += BitOperations.PopCount(codes[(g * perCode + w) * Lanes + lane] ^ query[w]);
                if (distance <= threshold) mask |= 1UL << lane;
            }
            if (mask != 0) return (g, mask);
        }
        return (end, 0);
    }
}
