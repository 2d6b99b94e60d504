using Doc2Hash.Experiments;
using Microsoft.Data.Analysis;

namespace Doc2Hash.Reporting.Tables;

/// <summary>
/// How a method uses its code bits at one code length, from the per-bit usage its runs recorded
/// (<see cref="RunResults.BitUsageFile"/>, training codes), each number averaged over the runs (seeds).
/// A well-used code has every bit near a 0.5 rate of ones (entropy near 1 bit); a bit that is almost constant
/// carries almost no information and only shortens the effective code.
/// </summary>
/// <param name="OnesShare">Share of ones over all bits and documents (the authors report about 0.497 for Doc2hash).</param>
/// <param name="MeanEntropy">Mean entropy per bit in bits (1 = every bit balanced).</param>
/// <param name="MinEntropy">Entropy of the least used bit.</param>
/// <param name="LowEntropyBits">Bits below <see cref="BitUsageTable.LowEntropy"/>.</param>
public sealed record BitUsageSummary(string Method, int Bits, int Runs, double OnesShare, double MeanEntropy, double MinEntropy, double LowEntropyBits);

/// <summary>The bit usage of every cell of a <see cref="ResultTable"/>, as summaries and as a DataFrame for notebooks.</summary>
public static class BitUsageTable
{
    /// <summary>
    /// Entropy below which a bit counts as nearly constant: 0.5 bit, reached when its rate of ones is below about
    /// 0.11 or above 0.89.
    /// </summary>
    public const double LowEntropy = 0.5;

    /// <summary>The summary of one method at one code length over its runs' usage (one per seed).</summary>
    public static BitUsageSummary Summarize(string method, int bits, IReadOnlyList<BitUsage> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0) throw new ArgumentException($"Method '{method}' at {bits} bits has no recorded bit usage to summarise.", nameof(runs));
        var wrong = runs.FirstOrDefault(u => u.OnesRate.Count != bits || u.Entropy.Count != bits);
        if (wrong is not null)
            throw new ArgumentException($"Method '{method}': a run recorded usage of {wrong.OnesRate.Count} bits for a {bits}-bit code.", nameof(runs));
        return new BitUsageSummary(method, bits, runs.Count,
            runs.Average(u => u.OnesRate.Average()),
            runs.Average(u => u.Entropy.Average()),
            runs.Average(u => u.Entropy.Min()),
            runs.Average(u => u.Entropy.Count(e => e < LowEntropy)));
    }

    /// <summary>
    /// One summary per row and code length of <paramref name="table"/>, in the table's order; a cell is left out when
    /// any of its runs has no bits.train.csv (records written before bit usage was recorded).
    /// </summary>
    public static IReadOnlyList<BitUsageSummary> Summaries(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var summaries = new List<BitUsageSummary>();
        foreach (var row in table.Rows)
            foreach (int bits in table.Bits.Where(row.Cells.ContainsKey))
            {
                var usage = row.Cells[bits].Runs.Select(r => RunResults.ReadBitUsage(r.Folder.Path)).ToList();
                if (usage.Count > 0 && usage.All(u => u is not null)) summaries.Add(Summarize(row.Method, bits, [.. usage.Select(u => u!)]));
            }
        return summaries;
    }

    public static DataFrame Render(IReadOnlyList<BitUsageSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        return new DataFrame(
            new StringDataFrameColumn("method", summaries.Select(s => s.Method)),
            new Int32DataFrameColumn("bits", summaries.Select(s => s.Bits)),
            new Int32DataFrameColumn("seeds", summaries.Select(s => s.Runs)),
            new DoubleDataFrameColumn("ones_share", summaries.Select(s => s.OnesShare)),
            new DoubleDataFrameColumn("mean_entropy", summaries.Select(s => s.MeanEntropy)),
            new DoubleDataFrameColumn("min_entropy", summaries.Select(s => s.MinEntropy)),
            new DoubleDataFrameColumn("low_entropy_bits", summaries.Select(s => s.LowEntropyBits)));
    }
}
