namespace Doc2Hash.Reporting.Statistics;

/// <summary>Checks shared by the paired tests: the same number of finite per-query scores on both sides.</summary>
internal static class PairedInput
{
    public static double[] Differences(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
            throw new ArgumentException($"A paired test needs the same queries on both sides, but A has {a.Count} scores and B has {b.Count}.", nameof(b));
        return [.. a.Zip(b, (x, y) => x - y)];
    }

    public static void Check(IReadOnlyList<double> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        if (differences.Count == 0) throw new ArgumentException("A paired test needs at least one query.", nameof(differences));
        for (int i = 0; i < differences.Count; i++)
            if (!double.IsFinite(differences[i]))
                throw new ArgumentException($"The difference of query {i} is {differences[i]}; per-query scores must be finite.", nameof(differences));
    }

    /// <summary>
    /// Slack for "at least as extreme": sums of the same numbers in another order differ in the last bits, and a
    /// resample exactly as extreme as the observation must count as a hit.
    /// </summary>
    public static double Tolerance(IReadOnlyList<double> differences) => 1e-9 * Math.Max(1.0, differences.Sum(Math.Abs));
}
