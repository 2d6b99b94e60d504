namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// Relaxed categorical samples (Gumbel-Softmax, Jang et al. 2017; Maddison et al. 2017) on the probability simplex:
/// for 3 classes each sample is drawn as a point in the triangle; for 2 classes the simplex is the segment [0, 1],
/// so the samples are shown as a histogram of the first class's probability. Low temperatures push samples to the
/// vertices (nearly one-hot), high ones to the centre.
/// </summary>
public static class SimplexPlots
{
    private const double SumTolerance = 1e-6;
    private const string FrameColour = "#7f7f7f";
    private static readonly double Height = Math.Sqrt(3) / 2;

    /// <summary>
    /// Samples of 3-class probability vectors, one named set per temperature, in the triangle with class 1 at the lower
    /// left (0, 0), class 2 at the lower right (1, 0) and class 3 at the top (1/2, √3/2): a point is Σ p_i · vertex_i.
    /// </summary>
    public static Figure ThreeClasses(string name, string title, IReadOnlyList<(string Name, IReadOnlyList<double[]> Samples)> sets, FigureRenderer? renderer = null)
    {
        FigureInput.RequireNonEmpty(sets, "sample sets");
        var series = new List<LineSeries> { new("", [0, 1, 0.5, 0], [0, 0, Height, 0], mode: SeriesMode.Lines) { Colour = FrameColour } };
        foreach (var (setName, samples) in sets)
        {
            FigureInput.RequireNonEmpty(samples, $"samples of '{setName}'");
            for (int i = 0; i < samples.Count; i++) RequireProbabilities(samples[i], 3, $"sample {i} of '{setName}'");
            var points = samples.Select(Project).ToList();
            series.Add(new LineSeries(setName, [.. points.Select(p => p.X)], [.. points.Select(p => p.Y)], mode: SeriesMode.Markers));
        }
        var chart = new LineChart(new ChartLabels(title), series, EqualAspect: true, HideAxes: true);
        return (renderer ?? FigureRenderer.Default).Render(name, chart, $"{title}. Vertices: class 1 lower left, class 2 lower right, class 3 top.");
    }

    /// <summary>2-class samples: histograms (shares) of the first class's probability over [0, 1], one per named set.</summary>
    public static Figure TwoClasses(string name, string title, IReadOnlyList<(string Name, IReadOnlyList<double[]> Samples)> sets, int bins = 20, FigureRenderer? renderer = null)
    {
        FigureInput.RequireNonEmpty(sets, "sample sets");
        var firstClass = new List<NamedValues>();
        foreach (var (setName, samples) in sets)
        {
            FigureInput.RequireNonEmpty(samples, $"samples of '{setName}'");
            for (int i = 0; i < samples.Count; i++) RequireProbabilities(samples[i], 2, $"sample {i} of '{setName}'");
            firstClass.Add(new NamedValues(setName, [.. samples.Select(s => s[0])]));
        }
        return Histograms.Overlaid(name, new ChartLabels(title, "probability of class 1", "share of samples"), firstClass, bins, normalise: true, min: 0, max: 1, renderer: renderer);
    }

    /// <summary>The barycentric projection of a 3-class probability vector onto the triangle.</summary>
    public static (double X, double Y) Project(double[] p) => (p[1] + 0.5 * p[2], Height * p[2]);

    private static void RequireProbabilities(double[] p, int classes, string what)
    {
        ArgumentNullException.ThrowIfNull(p, what);
        if (p.Length != classes)
            throw new ArgumentException($"The {what} has {p.Length} entries; this plot needs {classes} class probabilities per sample.");
        if (p.Any(v => !double.IsFinite(v) || v < 0) || Math.Abs(p.Sum() - 1) > SumTolerance)
            throw new ArgumentException($"The {what} ({string.Join(", ", p)}) is not a probability vector: entries must be finite, >= 0 and sum to 1.");
    }
}
