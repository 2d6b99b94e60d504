using System.Globalization;

namespace Doc2Hash.Reporting.Statistics;

/// <summary>
/// A table cell's numbers: the mean over seeds, the sample standard deviation (n - 1 in the denominator, the unbiased
/// variance estimate; 0 for a single value, where spread is unknown rather than zero) and the number of seeds.
/// </summary>
public readonly record struct MeanAndSpread(double Mean, double StandardDeviation, int Count)
{
    /// <summary>Mean and sample standard deviation of <paramref name="values"/> (at least one, all finite).</summary>
    public static MeanAndSpread Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        if (list.Count == 0) throw new ArgumentException("Mean and standard deviation need at least one value.", nameof(values));
        int bad = list.FindIndex(v => !double.IsFinite(v));
        if (bad >= 0) throw new ArgumentException($"Value {bad} is {list[bad]}; mean and standard deviation need finite values.", nameof(values));
        double mean = list.Average();
        double variance = list.Count < 2 ? 0 : list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1);
        return new MeanAndSpread(mean, Math.Sqrt(variance), list.Count);
    }

    /// <summary>"0.4012 ± 0.0031 (3)" with <paramref name="decimals"/> digits; a single seed shows no spread: "0.4012 (1)".</summary>
    public string Format(int decimals = 4)
    {
        string format = "0." + new string('0', decimals);
        string mean = Mean.ToString(format, CultureInfo.InvariantCulture);
        return Count < 2 ? $"{mean} ({Count})" : $"{mean} ± {StandardDeviation.ToString(format, CultureInfo.InvariantCulture)} ({Count})";
    }
}
