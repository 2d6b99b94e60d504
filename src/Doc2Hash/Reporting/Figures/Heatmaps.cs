using Doc2Hash.Evaluation;

namespace Doc2Hash.Reporting.Figures;

/// <summary>Heatmaps with a colour bar: a matrix of values, e.g. the bit-bit correlation of a set of codes.</summary>
public static class Heatmaps
{
    public static Figure Matrix(string name, ChartLabels labels, double[,] values, double min, double max, string colourBarLabel, bool diverging,
        FigureRenderer? renderer = null) =>
        (renderer ?? FigureRenderer.Default).Render(name, new HeatmapChart(labels, values, min, max, colourBarLabel, diverging));

    /// <summary>
    /// Pearson correlation between bits on a fixed [-1, 1] blue-white-red scale: independent bits give a white
    /// off-diagonal; redundant bits show as dark cells (constant bits are reported as 0, see <see cref="CodeStatistics.Correlation"/>).
    /// </summary>
    public static Figure BitCorrelation(string name, string title, CodeStatistics statistics, FigureRenderer? renderer = null)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return Matrix(name, new ChartLabels(title, "bit", "bit"), statistics.Correlation, -1, 1, "correlation", diverging: true, renderer);
    }
}
