namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// Overlaid histograms drawn as outlines (steps), so several distributions stay readable on one chart: document
/// lengths before and after filtering, Hamming distances of same-label vs different-label pairs.
/// </summary>
public static class Histograms
{
    /// <summary>
    /// Histograms of several samples over shared equal-width bins spanning all values (or [min, max] when given).
    /// </summary>
    public static Figure Overlaid(string name, ChartLabels labels, IReadOnlyList<NamedValues> samples, int bins = 30, bool normalise = false,
        double? min = null, double? max = null, FigureRenderer? renderer = null)
    {
        FigureInput.RequireNonEmpty(samples, "samples");
        foreach (var s in samples)
        {
            FigureInput.RequireNonEmpty(s.Values, $"values of sample '{s.Name}'");
            FigureInput.RequireFinite(s.Values, $"values of sample '{s.Name}'");
        }
        double low = min ?? samples.Min(s => s.Values.Min()), high = max ?? samples.Max(s => s.Values.Max());
        if (low == high) { low -= 0.5; high += 0.5; } // a single repeated value still gets a visible bin
        var edges = Histogram.EqualWidthEdges(low, high, bins);
        return Draw(name, labels, samples, edges, normalise, renderer);
    }

    /// <summary>Distinct terms per document (or any length), e.g. before vs after the preprocessing filters.</summary>
    public static Figure DocumentLengths(string name, string title, IReadOnlyList<NamedValues> lengths, int bins = 40, FigureRenderer? renderer = null) =>
        Overlaid(name, new ChartLabels(title, "terms per document", "share of documents"), lengths, bins, normalise: true, renderer: renderer);

    /// <summary>
    /// Hamming distances between codes of pairs sharing a label vs pairs sharing none, one bin per distance 0..bits,
    /// each normalised to shares: good codes put same-label pairs at smaller distances.
    /// </summary>
    public static Figure HammingDistances(string name, string title, IReadOnlyList<int> sameLabel, IReadOnlyList<int> differentLabel, int bits, FigureRenderer? renderer = null)
    {
        if (bits < 1) throw new ArgumentOutOfRangeException(nameof(bits), bits, "Codes have at least one bit.");
        var edges = Enumerable.Range(0, bits + 2).Select(d => d - 0.5).ToList();
        var samples = new List<NamedValues>
        {
            new("same label", [.. sameLabel.Select(d => (double)d)]),
            new("different labels", [.. differentLabel.Select(d => (double)d)]),
        };
        return Draw(name, new ChartLabels(title, "Hamming distance", "share of pairs"), samples, edges, normalise: true, renderer);
    }

    private static Figure Draw(string name, ChartLabels labels, IReadOnlyList<NamedValues> samples, IReadOnlyList<double> edges, bool normalise, FigureRenderer? renderer) =>
        LineCharts.Lines(name, labels, [.. samples.Select(s => Histogram.Count(s.Values, edges, normalise, $"values of sample '{s.Name}'").ToSteps(s.Name))], renderer);
}
