using System.Globalization;
using ScottPlot;

namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// The static back-end: draws a <see cref="ChartDefinition"/> with ScottPlot 5 into PNG bytes, headless (SkiaSharp
/// 3.x). Log axes are drawn ScottPlot's way: the data are plotted as log10 and the tick labels show 10^tick.
/// </summary>
internal static class ScottPlotRenderer
{
    public static byte[] Render(ChartDefinition chart, FigureStyle style)
    {
        using var plot = new Plot();
        switch (chart)
        {
            case LineChart lines: DrawLines(plot, lines, style); break;
            case BarChart bars: DrawBars(plot, bars, style); break;
            case HeatmapChart heatmap: DrawHeatmap(plot, heatmap); break;
            default: throw new ArgumentException($"No static renderer for {chart.GetType().Name}.", nameof(chart));
        }
        ApplyLabels(plot, chart.Labels, style);
        return plot.GetImageBytes(style.Width, style.Height, ImageFormat.Png);
    }

    private static void DrawLines(Plot plot, LineChart chart, FigureStyle style)
    {
        for (int i = 0; i < chart.Series.Count; i++)
        {
            var series = chart.Series[i];
            var colour = Color.FromHex(chart.ColourOf(i, style));
            double[] xs = Scale(series.X, chart.Labels.LogX), ys = Scale(series.Y, chart.Labels.LogY);
            var scatter = plot.Add.Scatter(xs, ys, colour);
            scatter.LegendText = series.Name;
            scatter.LineWidth = series.Mode == SeriesMode.Markers ? 0 : style.LineWidth;
            scatter.MarkerSize = series.Mode == SeriesMode.Lines ? 0 : style.MarkerSize;
            if (series.YError is { } errors)
            {
                var bars = plot.Add.ErrorBar(xs, ys, [.. errors]);
                bars.Color = colour;
                bars.LineWidth = style.LineWidth;
            }
        }
        if (chart.Labels.LogX) UseLogTicks(plot.Axes.Bottom);
        if (chart.Labels.LogY) UseLogTicks(plot.Axes.Left);
        if (chart.Labels.XTicks is { } ticks)
            plot.Axes.Bottom.SetTicks([.. ticks.Select(t => chart.Labels.LogX ? Math.Log10(t.Position) : t.Position)], [.. ticks.Select(t => t.Label)]);
        if (chart.EqualAspect) plot.Axes.SquareUnits();
        if (chart.HideAxes) plot.HideAxesAndGrid();
        ShowLegendOutside(plot, chart.Series.Any(s => s.Name.Length > 0));
    }

    private static void DrawBars(Plot plot, BarChart chart, FigureStyle style)
    {
        double width = 0.8 / chart.Groups.Count;
        for (int g = 0; g < chart.Groups.Count; g++)
        {
            var colour = Color.FromHex(style.Colour(g));
            double offset = (g - (chart.Groups.Count - 1) / 2.0) * width;
            var bars = plot.Add.Bars(chart.Groups[g].Values.Select((v, c) => new Bar
            {
                Position = c + offset,
                Value = v,
                Size = width,
                FillColor = colour,
                LineWidth = 0,
            }).ToList());
            bars.LegendText = chart.Groups[g].Name;
        }
        var ticks = Thinned(chart.Categories.Count);
        plot.Axes.Bottom.SetTicks([.. ticks.Select(c => (double)c)], [.. ticks.Select(c => chart.Categories[c])]);
        plot.Axes.Margins(bottom: 0);
        ShowLegendOutside(plot, chart.Groups.Count > 1);
    }

    private static void DrawHeatmap(Plot plot, HeatmapChart chart)
    {
        var heatmap = plot.Add.Heatmap(chart.Values);
        heatmap.Colormap = chart.Diverging ? new DivergingColormap() : new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(chart.Min, chart.Max);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = chart.ColourBarLabel;
        // ScottPlot draws row 0 at the top with cell centres at y = rows - 1 - row; label the ticks with the row index.
        int rows = chart.Values.GetLength(0), columns = chart.Values.GetLength(1);
        int[] rowTicks = Thinned(rows), columnTicks = Thinned(columns);
        plot.Axes.Left.SetTicks([.. rowTicks.Select(r => (double)(rows - 1 - r))], [.. rowTicks.Select(r => r.ToString(CultureInfo.InvariantCulture))]);
        plot.Axes.Bottom.SetTicks([.. columnTicks.Select(c => (double)c)], [.. columnTicks.Select(c => c.ToString(CultureInfo.InvariantCulture))]);
        plot.Axes.Margins(0, 0);
    }

    /// <summary>At most about 20 labelled positions out of 0..count-1, so long axes (one per bit) stay legible.</summary>
    private static int[] Thinned(int count)
    {
        int step = (count + 19) / 20;
        return [.. Enumerable.Range(0, count).Where(i => i % step == 0)];
    }

    // Below the plot area: it never hides data, and long series names do not narrow the plot.
    private static void ShowLegendOutside(Plot plot, bool show)
    {
        if (show) plot.ShowLegend(Edge.Bottom);
        else plot.HideLegend();
    }

    private static void ApplyLabels(Plot plot, ChartLabels labels, FigureStyle style)
    {
        plot.Title(labels.Title, style.TitleFontSize);
        plot.XLabel(labels.XLabel, style.LabelFontSize);
        plot.YLabel(labels.YLabel, style.LabelFontSize);
        // Set last so every text element added above (title, labels, ticks, legend, colour bar) uses it.
        plot.Font.Set(FigureFonts.Resolve(style.FontFamily));
        plot.Axes.Bottom.TickLabelStyle.FontSize = style.TickFontSize;
        plot.Axes.Left.TickLabelStyle.FontSize = style.TickFontSize;
        plot.Legend.FontSize = style.LabelFontSize;
    }

    private static double[] Scale(IReadOnlyList<double> values, bool log) => log ? [.. values.Select(Math.Log10)] : [.. values];

    private static void UseLogTicks(IAxis axis) => axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = exponent => Math.Pow(10, exponent).ToString("G4", CultureInfo.InvariantCulture),
    };

    /// <summary>Blue-white-red, the same stops as the interactive back-end (<see cref="FigureStyle.DivergingStops"/>).</summary>
    private sealed class DivergingColormap : IColormap
    {
        private static readonly Color[] Stops = [.. FigureStyle.DivergingStops.Select(Color.FromHex)];

        public string Name => "Doc2Hash diverging";

        public Color GetColor(double position)
        {
            double t = Math.Clamp(double.IsFinite(position) ? position : 0.5, 0, 1) * (Stops.Length - 1);
            int low = Math.Min((int)t, Stops.Length - 2);
            double f = t - low;
            Color a = Stops[low], b = Stops[low + 1];
            return new Color((byte)Math.Round(a.R + f * (b.R - a.R)), (byte)Math.Round(a.G + f * (b.G - a.G)), (byte)Math.Round(a.B + f * (b.B - a.B)));
        }
    }
}
