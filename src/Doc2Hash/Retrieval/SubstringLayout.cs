namespace Doc2Hash.Retrieval;

/// <summary>
/// How multi-index hashing cuts a b-bit code into m disjoint substrings of consecutive bits: the first b mod m
/// substrings have ceil(b / m) bits, the others floor(b / m) (Norouzi, Punjani and Fleet, "Fast Exact Search in
/// Hamming Space with Multi-Index Hashing", TPAMI 36(6), 2014, section 3). By the pigeonhole principle two codes
/// within Hamming distance r agree to within floor(r / m) bits on at least one substring (their Proposition 1).
/// </summary>
public sealed record SubstringLayout
{
    /// <summary>Longest substring: its direct-address table has 2^24 + 1 offsets (64 MB); longer would not fit comfortably.</summary>
    public const int MaxSubstringBits = 24;

    public SubstringLayout(int bits, int substrings)
    {
        if (substrings < 1 || substrings > bits)
            throw new ArgumentOutOfRangeException(nameof(substrings), substrings, $"A {bits}-bit code can be cut into 1 to {bits} substrings.");
        int longest = (bits + substrings - 1) / substrings;
        if (longest > MaxSubstringBits)
            throw new ArgumentOutOfRangeException(nameof(substrings), substrings,
                $"{substrings} substrings of a {bits}-bit code are up to {longest} bits long; at most {MaxSubstringBits} are supported (use at least {(bits + MaxSubstringBits - 1) / MaxSubstringBits} substrings).");
        Bits = bits;
        var lengths = new int[substrings];
        var starts = new int[substrings];
        for (int j = 0, start = 0; j < substrings; j++)
        {
            lengths[j] = bits / substrings + (j < bits % substrings ? 1 : 0);
            starts[j] = start;
            start += lengths[j];
        }
        Lengths = lengths;
        Starts = starts;
    }

    public int Bits { get; }
    public int Count => Lengths.Count;

    /// <summary>Bits of each substring, longest first.</summary>
    public IReadOnlyList<int> Lengths { get; }

    /// <summary>First code bit of each substring.</summary>
    public IReadOnlyList<int> Starts { get; }

    /// <summary>
    /// The paper's choice m = b / log2(N) (substrings about log2 N bits long, so a table has about one code per key),
    /// rounded, at least 1, and raised until no substring exceeds <see cref="MaxSubstringBits"/>.
    /// </summary>
    public static SubstringLayout Recommended(int bits, int databaseSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        double log2 = Math.Log2(Math.Max(databaseSize, 2));
        int m = Math.Clamp((int)Math.Round(bits / log2), 1, bits);
        m = Math.Max(m, (bits + MaxSubstringBits - 1) / MaxSubstringBits);
        return new SubstringLayout(bits, m);
    }

    /// <summary>Substring <paramref name="j"/> of a packed code, as an integer of Lengths[j] bits (code bit Starts[j] is its bit 0).</summary>
    public uint Key(ReadOnlySpan<ulong> code, int j)
    {
        int start = Starts[j], length = Lengths[j], word = start >> 6, shift = start & 63;
        ulong bits = code[word] >> shift;
        if (shift + length > 64) bits |= code[word + 1] << (64 - shift);
        return (uint)(bits & ((1UL << length) - 1));
    }
}
