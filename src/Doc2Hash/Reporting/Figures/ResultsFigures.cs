using Doc2Hash.Experiments;

namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// Figures generated from run records (never from typed numbers), from the same runs as <see cref="ResultsTable"/>:
/// per dataset, test P@100 vs code length with one line per table row (method, KL form, optimizer, epoch budget).
/// </summary>
public static class ResultsFigures
{
    /// <summary>
    /// One figure per dataset, named &lt;dataset&gt;-p100-vs-bits. Several seeds at one code length give the mean and
    /// ± their sample standard deviation; a single seed gives no error bar.
    /// </summary>
    public static IReadOnlyList<Figure> PrecisionVsBits(IReadOnlyList<RunRecord> runs, FigureRenderer? renderer = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var figures = new List<Figure>();
        foreach (var dataset in ResultsTable.Latest(runs).GroupBy(r => r.Config.Dataset).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var methods = dataset
                .GroupBy(ResultsTable.SeriesName)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<PrecisionAtBits>)[.. g.GroupBy(r => r.Config.Bits).Select(b => Aggregate(b.Key, [.. b.Select(r => r.Summary!.TestPrecision)]))]);
            figures.Add(PrecisionFigures.PrecisionVsBits($"{dataset.Key}-p100-vs-bits", $"{dataset.Key}: test precision@100 vs code length", methods, renderer: renderer));
        }
        return figures;
    }

    /// <summary>Mean and sample standard deviation (n - 1 in the denominator; 0 for one value).</summary>
    internal static PrecisionAtBits Aggregate(int bits, IReadOnlyList<double> precisions)
    {
        double mean = precisions.Average();
        double variance = precisions.Count < 2 ? 0 : precisions.Sum(p => (p - mean) * (p - mean)) / (precisions.Count - 1);
        return new PrecisionAtBits(bits, mean, Math.Sqrt(variance));
    }
}
