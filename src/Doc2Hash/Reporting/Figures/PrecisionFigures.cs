using System.Globalization;
using Doc2Hash.Evaluation;

namespace Doc2Hash.Reporting.Figures;

/// <summary>Precision at one code length: mean over seeds and its standard deviation (0 for a single seed).</summary>
public readonly record struct PrecisionAtBits(int Bits, double Mean, double StandardDeviation);

/// <summary>Retrieval-quality figures: precision vs code length (the paper's main comparison) and precision@K curves.</summary>
public static class PrecisionFigures
{
    /// <summary>
    /// Test precision@K vs code length, one line per method with ± one standard deviation over seeds as error bars.
    /// Bits are placed at log2 positions (16, 32, 64, 128 equally spaced), labelled with the bit count.
    /// </summary>
    public static Figure PrecisionVsBits(string name, string title, IReadOnlyDictionary<string, IReadOnlyList<PrecisionAtBits>> methods, int k = 100, FigureRenderer? renderer = null)
    {
        ArgumentNullException.ThrowIfNull(methods);
        if (methods.Count == 0) throw new ArgumentException("There are no methods to plot; give at least one.", nameof(methods));
        var series = new List<LineSeries>();
        foreach (var (method, points) in methods)
        {
            FigureInput.RequireNonEmpty(points, $"precision points of method '{method}'");
            if (points.Any(p => p.Bits <= 0))
                throw new ArgumentException($"Method '{method}' has a code length <= 0; bits must be positive.", nameof(methods));
            if (points.Select(p => p.Bits).Distinct().Count() != points.Count)
                throw new ArgumentException($"Method '{method}' has the same code length twice; aggregate seeds into one point per length first.", nameof(methods));
            var sorted = points.OrderBy(p => p.Bits).ToList();
            series.Add(new LineSeries(method, [.. sorted.Select(p => Math.Log2(p.Bits))], [.. sorted.Select(p => p.Mean)],
                sorted.Any(p => p.StandardDeviation > 0) ? [.. sorted.Select(p => p.StandardDeviation)] : null));
        }
        var ticks = methods.Values.SelectMany(p => p).Select(p => p.Bits).Distinct().Order()
            .Select(b => new AxisTick(Math.Log2(b), b.ToString(CultureInfo.InvariantCulture))).ToList();
        var labels = new ChartLabels(title, "code length (bits)", $"test precision@{k}") { XTicks = ticks };
        return LineCharts.Lines(name, labels, series, renderer);
    }

    /// <summary>Precision@K against the depth K, one curve per named report (the library's precision curve).</summary>
    public static Figure PrecisionCurves(string name, string title, IReadOnlyList<(string Method, RetrievalReport Report)> reports, FigureRenderer? renderer = null)
    {
        FigureInput.RequireNonEmpty(reports, "retrieval reports");
        var series = new List<LineSeries>();
        foreach (var (method, report) in reports)
        {
            ArgumentNullException.ThrowIfNull(report);
            if (report.PrecisionCurve.Count == 0)
                throw new ArgumentException($"The report of '{method}' has no precision curve; evaluate with curve depths set.", nameof(reports));
            series.Add(new LineSeries(method, [.. report.PrecisionCurve.Select(p => (double)p.K)], [.. report.PrecisionCurve.Select(p => p.Precision)], mode: SeriesMode.Lines));
        }
        return LineCharts.Lines(name, new ChartLabels(title, "retrieved documents K", "precision@K"), series, renderer);
    }
}
