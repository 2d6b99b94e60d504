using System.Numerics;
using Doc2Hash.Retrieval;

namespace Doc2Hash.Evaluation;

/// <summary>
/// How well a set of codes uses its bits. Good codes have bits that are balanced (rate of ones near 0.5, entropy
/// near 1 bit), uncorrelated with each other, and many distinct codes; collapsed bits show up as entropy 0.
/// </summary>
public sealed class CodeStatistics
{
    private const int DocumentsPerWord = 64;

    private CodeStatistics(int count, int bits, double[] onesRate, double[,] correlation, double distinctShare)
    {
        Count = count;
        Bits = bits;
        OnesRate = onesRate;
        Entropy = onesRate.Select(BinaryEntropy).ToArray();
        MeanEntropy = Entropy.Average();
        OnesShare = onesRate.Average();
        Correlation = correlation;
        DistinctShare = distinctShare;
    }

    public int Count { get; }
    public int Bits { get; }

    /// <summary>Per bit: share of codes with that bit set.</summary>
    public double[] OnesRate { get; }

    /// <summary>Per bit: entropy in bits of its rate of ones, H(p) = -p log2 p - (1 - p) log2(1 - p); 0 for a constant bit.</summary>
    public double[] Entropy { get; }

    public double MeanEntropy { get; }

    /// <summary>Share of ones over all bits of all codes.</summary>
    public double OnesShare { get; }

    /// <summary>
    /// (bits x bits) Pearson correlation between bits across codes. A constant bit has no variance, so its
    /// correlation is undefined; it is reported as 0 (including its diagonal entry) to keep the matrix finite.
    /// </summary>
    public double[,] Correlation { get; }

    /// <summary>Distinct codes divided by the number of codes.</summary>
    public double DistinctShare { get; }

    public static CodeStatistics Compute(BinaryCodes codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count == 0)
            throw new ArgumentException("There are no codes; code statistics need at least one.", nameof(codes));
        var columns = BitColumns(codes);
        var ones = columns.Select(PopCount).ToArray();
        return new CodeStatistics(
            codes.Count, codes.Bits, ones.Select(n => (double)n / codes.Count).ToArray(),
            CorrelationMatrix(columns, ones, codes.Count), (double)DistinctCount(codes) / codes.Count);
    }

    private static double BinaryEntropy(double p) => p is <= 0 or >= 1 ? 0 : -p * Math.Log2(p) - (1 - p) * Math.Log2(1 - p);

    // Transposes the codes: one bitset over documents per bit, so co-occurrences are AND + POPCNT over words.
    private static ulong[][] BitColumns(BinaryCodes codes)
    {
        int words = (codes.Count + DocumentsPerWord - 1) / DocumentsPerWord;
        var columns = new ulong[codes.Bits][];
        for (int b = 0; b < codes.Bits; b++)
        {
            columns[b] = new ulong[words];
            for (int doc = 0; doc < codes.Count; doc++)
                if (codes[doc, b]) columns[b][doc / DocumentsPerWord] |= 1UL << (doc % DocumentsPerWord);
        }
        return columns;
    }

    // For 0/1 variables: r = (n * n11 - na * nb) / sqrt(na (n - na) * nb (n - nb)), n11 = codes with both bits set.
    private static double[,] CorrelationMatrix(ulong[][] columns, long[] ones, int n)
    {
        int bits = columns.Length;
        var correlation = new double[bits, bits];
        for (int a = 0; a < bits; a++)
        {
            for (int b = a; b < bits; b++)
            {
                double variance = (double)ones[a] * (n - ones[a]) * ones[b] * (n - ones[b]);
                double r = variance == 0 ? 0 : ((double)n * BothSet(columns[a], columns[b]) - (double)ones[a] * ones[b]) / Math.Sqrt(variance);
                correlation[a, b] = correlation[b, a] = r;
            }
        }
        return correlation;
    }

    private static long PopCount(ulong[] bitset)
    {
        long count = 0;
        foreach (ulong word in bitset) count += BitOperations.PopCount(word);
        return count;
    }

    private static long BothSet(ulong[] a, ulong[] b)
    {
        long count = 0;
        for (int w = 0; w < a.Length; w++) count += BitOperations.PopCount(a[w] & b[w]);
        return count;
    }

    private static int DistinctCount(BinaryCodes codes) =>
        new HashSet<int>(Enumerable.Range(0, codes.Count), new CodeComparer(codes)).Count;

    // Compares codes by content through their indices, so no per-code copies are made.
    private sealed class CodeComparer(BinaryCodes codes) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => codes.Code(x).SequenceEqual(codes.Code(y));

        public int GetHashCode(int index)
        {
            var hash = new HashCode();
            foreach (ulong word in codes.Code(index)) hash.Add(word);
            return hash.ToHashCode();
        }
    }
}
