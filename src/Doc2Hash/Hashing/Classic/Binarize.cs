using Doc2Hash.Retrieval;

namespace Doc2Hash.Hashing.Classic;

/// <summary>Real-valued projections (n x bits, row-major) to packed codes: bit b of row i is 1 when value > threshold_b.</summary>
internal static class Binarize
{
    /// <summary>Sign thresholding: 1 where the value is positive (a value of exactly zero gives 0).</summary>
    public static BinaryCodes AtZero(double[] values, int count, int bits) => Above(values, count, bits, new double[bits]);

    public static BinaryCodes Above(double[] values, int count, int bits, double[] thresholds)
    {
        if (values.Length != (long)count * bits || thresholds.Length != bits)
            throw new ArgumentException($"Expected {count} x {bits} values and {bits} thresholds.");
        var flags = new byte[values.Length];
        for (int i = 0; i < count; i++)
            for (int b = 0; b < bits; b++)
                flags[i * bits + b] = values[i * bits + b] > thresholds[b] ? (byte)1 : (byte)0;
        return BinaryCodes.FromBits(count, bits, flags);
    }

    /// <summary>The median of each column of a row-major (count x bits) matrix (mean of the two middle values when count is even).</summary>
    public static double[] ColumnMedians(double[] values, int count, int bits)
    {
        var medians = new double[bits];
        var column = new double[count];
        for (int b = 0; b < bits; b++)
        {
            for (int i = 0; i < count; i++) column[i] = values[i * bits + b];
            Array.Sort(column);
            medians[b] = count % 2 == 1 ? column[count / 2] : 0.5 * (column[count / 2 - 1] + column[count / 2]);
        }
        return medians;
    }
}
