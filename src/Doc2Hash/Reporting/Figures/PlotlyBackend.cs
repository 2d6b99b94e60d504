using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;
using PlotlyAttributes = System.Collections.Generic.Dictionary<string, object>;

namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// The interactive back-end, and the only type of the library that names Plotly.NET types: it is created and called
/// only through <see cref="InteractiveGuard"/>, because in hosts without FSharp.Core 10.1 this code cannot even be
/// compiled by the JIT. Traces come from Plotly.NET.CSharp (typed, named arguments); what it has no C# parameter for
/// (title, fonts, error bars, colour range, bar mode) is set as plotly.js attributes on the trace and layout objects,
/// since the F# functions for them take every optional argument positionally from C#.
/// </summary>
internal sealed class PlotlyBackend : IInteractiveBackend
{
    public InteractiveChart Render(ChartDefinition chart, FigureStyle style)
    {
        GenericChart plotly = chart switch
        {
            LineChart lines => CSharpChart.Combine(lines.Series.Select((series, i) => Line(series, lines.ColourOf(i, style), style))),
            BarChart bars => CSharpChart.Combine(bars.Groups.Select((group, g) => Column(group, bars.Categories, style.Colour(g)))),
            HeatmapChart heatmap => Heatmap(heatmap),
            _ => throw new ArgumentException($"No interactive renderer for {chart.GetType().Name}.", nameof(chart)),
        };
        plotly = Chart.withLayout(Layout(chart, style)).Invoke(plotly);
        plotly = Plotly.NET.CSharp.GenericChartExtensions.WithSize(plotly, style.Width, style.Height);
        return new InteractiveChart(plotly, selfContained => Html(plotly, selfContained));
    }

    private static GenericChart Line(LineSeries series, string colour, FigureStyle style)
    {
        var trace = series.Mode == SeriesMode.Markers
            ? CSharpChart.Point<double, double, string>(x: series.X, y: series.Y, Name: series.Name, ShowLegend: series.Name.Length > 0)
            : CSharpChart.Line<double, double, string>(x: series.X, y: series.Y, ShowMarkers: series.Mode == SeriesMode.LinesAndMarkers,
                Name: series.Name, ShowLegend: series.Name.Length > 0, LineColor: Color.fromHex(colour), LineWidth: style.LineWidth);
        foreach (var t in GenericChart.getTraces(trace))
        {
            t.SetProperty("marker", new PlotlyAttributes { ["color"] = colour, ["size"] = style.MarkerSize });
            if (series.YError is { } errors)
                t.SetProperty("error_y", new PlotlyAttributes { ["type"] = "data", ["array"] = errors, ["color"] = colour, ["thickness"] = style.LineWidth });
        }
        return trace;
    }

    private static GenericChart Column(BarGroup group, IReadOnlyList<string> categories, string colour) =>
        CSharpChart.Column<double, string, string>(values: group.Values, Keys: categories.ToArray(), Name: group.Name, MarkerColor: Color.fromHex(colour));

    private static GenericChart Heatmap(HeatmapChart chart)
    {
        int rows = chart.Values.GetLength(0), columns = chart.Values.GetLength(1);
        var z = Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, columns).Select(c => chart.Values[r, c]).ToArray()).ToArray();
        var scale = chart.Diverging
            ? StyleParam.Colorscale.NewCustom(FigureStyle.DivergingStops.Select((hex, i) => Tuple.Create(i / (FigureStyle.DivergingStops.Count - 1.0), Color.fromHex(hex))))
            : StyleParam.Colorscale.Viridis;
        var trace = CSharpChart.Heatmap<double, int, int, string>(zData: z, ColorScale: scale, ReverseYAxis: true);
        foreach (var t in GenericChart.getTraces(trace))
        {
            // A fixed colour range, so e.g. a correlation of 0 is always white.
            t.SetProperty("zmin", chart.Min);
            t.SetProperty("zmax", chart.Max);
            t.SetProperty("colorbar", new PlotlyAttributes { ["title"] = new PlotlyAttributes { ["text"] = chart.ColourBarLabel } });
        }
        return trace;
    }

    private static Layout Layout(ChartDefinition chart, FigureStyle style)
    {
        var labels = chart.Labels;
        PlotlyAttributes Font(float size) => new() { ["family"] = style.FontFamily, ["size"] = size };
        PlotlyAttributes Axis(string title, bool log) => new()
        {
            ["title"] = new PlotlyAttributes { ["text"] = title, ["font"] = Font(style.LabelFontSize) },
            ["type"] = log ? "log" : "linear",
            ["tickfont"] = Font(style.TickFontSize),
        };
        var xaxis = Axis(labels.XLabel, labels.LogX);
        if (labels.XTicks is { } ticks)
        {
            xaxis["tickvals"] = ticks.Select(t => t.Position).ToArray();
            xaxis["ticktext"] = ticks.Select(t => t.Label).ToArray();
        }
        var yaxis = Axis(labels.YLabel, labels.LogY);
        if (chart is HeatmapChart) yaxis["autorange"] = "reversed";
        if (chart is LineChart { EqualAspect: true }) yaxis["scaleanchor"] = "x";
        if (chart is LineChart { HideAxes: true }) xaxis["visible"] = yaxis["visible"] = false;
        var layout = new Layout();
        layout.SetProperty("font", Font(style.TickFontSize));
        layout.SetProperty("title", new PlotlyAttributes { ["text"] = labels.Title, ["font"] = Font(style.TitleFontSize) });
        layout.SetProperty("xaxis", xaxis);
        layout.SetProperty("yaxis", yaxis);
        layout.SetProperty("legend", new PlotlyAttributes { ["font"] = Font(style.LabelFontSize) });
        layout.SetProperty("colorway", style.Palette.ToArray());
        if (chart is BarChart) layout.SetProperty("barmode", "group");
        // As in the PNG: a legend whenever a series has a name (plotly.js alone shows none for a single trace).
        layout.SetProperty("showlegend", chart is LineChart l ? l.Series.Any(s => s.Name.Length > 0) : chart is BarChart b && b.Groups.Count > 1);
        return layout;
    }

    /// <summary>
    /// By default the page loads plotly.js from the CDN; self-contained pages embed it. The chart's random element id is
    /// made content-derived (<see cref="StableHtmlIds"/>) so an unchanged figure regenerates to the same bytes.
    /// </summary>
    private static string Html(GenericChart chart, bool selfContained)
    {
        if (selfContained)
            chart = Chart.withDisplayOptions(DisplayOptions.setPlotlyReference(PlotlyJSReference.Full).Invoke(new DisplayOptions())).Invoke(chart);
        return StableHtmlIds.Apply(GenericChart.toEmbeddedHTML(chart));
    }
}
