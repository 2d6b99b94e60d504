namespace Doc2Hash.Data.Preprocessing;

/// <summary>
/// The authors' validation protocol (create_single_label_dataset.py / create_multi_label_dataset.py): after filtering,
/// the original test split is shuffled and cut in two; the first <c>n - n / 2</c> shuffled documents (the larger half
/// when n is odd) become the validation ("cv") split and the remaining <c>n / 2</c> the test split. The authors'
/// <c>sklearn.utils.shuffle</c> had no seed; here a Fisher-Yates shuffle driven by <see cref="SplitMix64"/> makes
/// the halves a pure function of the seed.
/// </summary>
public static class ValidationSplit
{
    /// <summary>Positions 0..count-1 of the filtered test split, assigned to validation and test.</summary>
    public static (int[] Validation, int[] Test) Halve(int count, int seed)
    {
        int[] order = Shuffle(count, seed);
        int testCount = count / 2;
        int validationCount = count - testCount;
        return (order[..validationCount], order[validationCount..]);
    }

    /// <summary>A seeded permutation of 0..count-1 (Durstenfeld's Fisher-Yates).</summary>
    public static int[] Shuffle(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        var random = new SplitMix64(unchecked((ulong)seed));
        for (int i = count - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
