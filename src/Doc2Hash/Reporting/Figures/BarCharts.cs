using System.Globalization;
using Doc2Hash.Evaluation;

namespace Doc2Hash.Reporting.Figures;

/// <summary>Bar charts: one value per category, grouped side by side for several methods (code-bit usage).</summary>
public static class BarCharts
{
    public static Figure Grouped(string name, ChartLabels labels, IReadOnlyList<string> categories, IReadOnlyList<BarGroup> groups, FigureRenderer? renderer = null) =>
        (renderer ?? FigureRenderer.Default).Render(name, new BarChart(labels, categories, groups));

    /// <summary>Per-bit rate of ones for each method (bits numbered from 0, as in <see cref="CodeStatistics"/>); balanced bits sit at 0.5, collapsed bits at 0 or 1.</summary>
    public static Figure OnesRate(string name, string title, IReadOnlyList<(string Method, CodeStatistics Statistics)> methods, FigureRenderer? renderer = null) =>
        PerBit(name, new ChartLabels(title, "bit", "rate of ones"), methods, s => s.OnesRate, renderer);

    /// <summary>Per-bit entropy in bits for each method; 1 is a fully used bit, 0 a constant one.</summary>
    public static Figure Entropy(string name, string title, IReadOnlyList<(string Method, CodeStatistics Statistics)> methods, FigureRenderer? renderer = null) =>
        PerBit(name, new ChartLabels(title, "bit", "entropy (bits)"), methods, s => s.Entropy, renderer);

    private static Figure PerBit(string name, ChartLabels labels, IReadOnlyList<(string Method, CodeStatistics Statistics)> methods,
        Func<CodeStatistics, double[]> values, FigureRenderer? renderer)
    {
        FigureInput.RequireNonEmpty(methods, "methods");
        int bits = methods[0].Statistics.Bits;
        var mismatch = methods.FirstOrDefault(m => m.Statistics.Bits != bits);
        if (mismatch.Statistics is not null)
            throw new ArgumentException($"Method '{mismatch.Method}' has {mismatch.Statistics.Bits}-bit codes but '{methods[0].Method}' has {bits}; compare code usage at one code length.", nameof(methods));
        var categories = Enumerable.Range(0, bits).Select(b => b.ToString(CultureInfo.InvariantCulture)).ToList();
        return Grouped(name, labels, categories, [.. methods.Select(m => new BarGroup(m.Method, values(m.Statistics)))], renderer);
    }
}
