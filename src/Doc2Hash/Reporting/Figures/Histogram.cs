namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// Counts of values in bins [Edges[i], Edges[i+1]) (the last bin also includes its right edge), computed here rather
/// than by a plotting library so overlaid histograms share exactly the same bins in both back-ends.
/// </summary>
public sealed record Histogram(IReadOnlyList<double> Edges, IReadOnlyList<double> Heights)
{
    /// <summary>Bins of equal width spanning [min, max].</summary>
    public static IReadOnlyList<double> EqualWidthEdges(double min, double max, int bins)
    {
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), bins, "A histogram needs at least one bin.");
        if (!(double.IsFinite(min) && double.IsFinite(max) && min < max))
            throw new ArgumentException($"The histogram range [{min}, {max}] is not an interval; give finite min < max.");
        return [.. Enumerable.Range(0, bins + 1).Select(i => i == bins ? max : min + (max - min) * i / bins)];
    }

    /// <summary>
    /// Counts <paramref name="values"/> per bin; with <paramref name="normalise"/> each height is the share of all
    /// values (heights sum to 1), so samples of different sizes compare. Values outside the edges are an error.
    /// </summary>
    public static Histogram Count(IReadOnlyList<double> values, IReadOnlyList<double> edges, bool normalise, string what = "values")
    {
        FigureInput.RequireNonEmpty(values, what);
        FigureInput.RequireFinite(values, what);
        if (edges.Count < 2 || edges.Zip(edges.Skip(1)).Any(p => !(p.First < p.Second)))
            throw new ArgumentException("Histogram edges must be at least two strictly increasing numbers.", nameof(edges));
        var counts = new double[edges.Count - 1];
        foreach (double v in values)
        {
            if (v < edges[0] || v > edges[^1])
                throw new ArgumentException($"The {what} contain {v}, outside the histogram range [{edges[0]}, {edges[^1]}].", nameof(values));
            int bin = BinOf(edges, v);
            counts[bin]++;
        }
        if (normalise) for (int i = 0; i < counts.Length; i++) counts[i] /= values.Count;
        return new Histogram([.. edges], counts);
    }

    /// <summary>The outline as a step line: up and across each bin, down to 0 at both ends.</summary>
    public LineSeries ToSteps(string name)
    {
        var x = new List<double> { Edges[0] };
        var y = new List<double> { 0 };
        for (int i = 0; i < Heights.Count; i++)
        {
            x.Add(Edges[i]); y.Add(Heights[i]);
            x.Add(Edges[i + 1]); y.Add(Heights[i]);
        }
        x.Add(Edges[^1]); y.Add(0);
        return new LineSeries(name, x, y, mode: SeriesMode.Lines);
    }

    private static int BinOf(IReadOnlyList<double> edges, double v)
    {
        int low = 0, high = edges.Count - 2; // the last bin is closed on the right
        while (low < high)
        {
            int mid = (low + high + 1) / 2;
            if (edges[mid] <= v) low = mid; else high = mid - 1;
        }
        return low;
    }
}
