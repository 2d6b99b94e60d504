using Doc2Hash.Data;
using Doc2Hash.Retrieval;

namespace Doc2Hash.Evaluation;

/// <summary>How far a code's nearest same-label neighbour lies, over a set of real codes, and the flip probability it implies.</summary>
/// <param name="MedianNearestDistance">Median over codes of the Hamming distance to the nearest other code sharing a label.</param>
/// <param name="MeanNearestDistance">Mean of the same distances.</param>
/// <param name="FlipProbability">MedianNearestDistance / bits: a copy with each bit flipped with this probability lies, in the median, as far from its source as a real nearest same-label neighbour.</param>
/// <param name="CodesMeasured">Codes with at least one other code sharing a label.</param>
public sealed record NeighbourDistances(double MedianNearestDistance, double MeanNearestDistance, double FlipProbability, int CodesMeasured);

/// <summary>
/// Grows a database of real codes to any size the way a larger corpus of the same kind would fill it: each new
/// code is a uniformly chosen real code with every bit flipped independently with a probability estimated from
/// real neighbours (<see cref="Estimate"/>). Used to measure an index at 1M documents honestly, when the corpus
/// itself has ten thousand: the clusters, duplicates and skewed bits of a trained model's codes are kept, and a
/// new code sits about as far from its source as real same-topic documents sit from each other.
/// </summary>
public static class NeighbourPerturbation
{
    /// <summary>
    /// Nearest same-label neighbour distances of <paramref name="codes"/>: for every label, the codes carrying it are
    /// searched against each other (exact top-2: the code itself at 0, then its nearest other code); a multi-label
    /// code takes the nearest over its labels; codes without labels, or alone with their label, are skipped.
    /// </summary>
    public static NeighbourDistances Estimate(BinaryCodes codes, LabelMatrix labels)
    {
        if (labels.Count != codes.Count)
            throw new ArgumentException($"{codes.Count} codes but {labels.Count} label rows; pass the labels of the same documents.", nameof(labels));
        var nearest = Enumerable.Repeat(int.MaxValue, codes.Count).ToArray();
        for (int label = 0; label < labels.LabelCount; label++)
        {
            var members = Enumerable.Range(0, codes.Count).Where(i => labels.Of(i).Contains(label)).ToArray();
            if (members.Length < 2) continue;
            var group = Subset(codes, members);
            var top = HammingSearch.TopK(group, group, 2);
            for (int m = 0; m < members.Length; m++)
                nearest[members[m]] = Math.Min(nearest[members[m]], top.DistancesOf(m)[1]);
        }
        var measured = nearest.Where(d => d != int.MaxValue).Order().ToArray();
        if (measured.Length == 0)
            throw new ArgumentException("No code shares a label with another one, so no neighbour distance can be measured.", nameof(labels));
        double median = measured.Length % 2 == 1
            ? measured[measured.Length / 2]
            : (measured[measured.Length / 2 - 1] + measured[measured.Length / 2]) / 2.0;
        return new NeighbourDistances(median, measured.Average(), median / codes.Bits, measured.Length);
    }

    /// <summary>
    /// The real codes first (indices 0..n-1, unchanged), then <paramref name="size"/> - n perturbed copies: each picks
    /// a real code uniformly and flips every bit independently with <paramref name="flipProbability"/>. The gap
    /// between flips is drawn geometrically (inverse transform), which is the same law as one coin per bit.
    /// </summary>
    public static BinaryCodes Grow(BinaryCodes real, int size, double flipProbability, Random random)
    {
        if (size < real.Count) throw new ArgumentOutOfRangeException(nameof(size), size, $"The grown database must hold at least the {real.Count} real codes.");
        if (flipProbability is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(flipProbability), flipProbability, "A flip probability is in [0, 1).");
        int perCode = real.WordsPerCode;
        var words = new ulong[(long)size * perCode];
        real.Words.CopyTo(words, 0);
        double logStay = Math.Log(1 - flipProbability);
        for (int i = real.Count; i < size; i++)
        {
            var copy = words.AsSpan(i * perCode, perCode);
            real.Code(random.Next(real.Count)).CopyTo(copy);
            if (flipProbability == 0) continue;
            for (double bit = Gap(random, logStay); bit < real.Bits; bit += 1 + Gap(random, logStay))
                copy[(int)bit >> 6] ^= 1UL << ((int)bit & 63);
        }
        return new BinaryCodes(size, real.Bits, words);
    }

    /// <summary>Bits kept before the next flip: Geometric(p) on {0, 1, ...}, floor(ln U / ln(1 - p)).</summary>
    private static double Gap(Random random, double logStay) => Math.Floor(Math.Log(1 - random.NextDouble()) / logStay);

    private static BinaryCodes Subset(BinaryCodes codes, int[] rows)
    {
        var words = new ulong[rows.Length * codes.WordsPerCode];
        for (int r = 0; r < rows.Length; r++) codes.Code(rows[r]).CopyTo(words.AsSpan(r * codes.WordsPerCode));
        return new BinaryCodes(rows.Length, codes.Bits, words);
    }
}
