namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// Turns a <see cref="ChartDefinition"/> into a <see cref="Figure"/>: always a PNG (ScottPlot), plus the
/// interactive chart when the interactive back-end can load (see <see cref="InteractiveGuard"/>). Every builder takes
/// an optional renderer; <see cref="Default"/> uses <see cref="FigureStyle.Default"/> and Plotly.NET.
/// </summary>
public sealed class FigureRenderer
{
    private readonly Func<IInteractiveBackend>? _interactive;

    /// <param name="style">The look; <see cref="FigureStyle.Default"/> when null.</param>
    /// <param name="interactive">
    /// Creates the interactive back-end; it is called inside the guard, so its failure to load is caught. Null
    /// means PNG only (faster, e.g. for tests or batch reports that need no HTML).
    /// </param>
    public FigureRenderer(FigureStyle? style, Func<IInteractiveBackend>? interactive)
    {
        Style = style ?? FigureStyle.Default;
        _interactive = interactive;
    }

    /// <summary>Default style, PNG and Plotly.NET HTML.</summary>
    public static FigureRenderer Default { get; } = new(null, CreatePlotly);

    /// <summary>Default style, PNG only.</summary>
    public static FigureRenderer PngOnly { get; } = new(null, null);

    public FigureStyle Style { get; }

    public Figure Render(string name, ChartDefinition chart, string? caption = null)
    {
        FigureInput.RequireFileName(name);
        FigureInput.RequireValid(chart);
        byte[] png = ScottPlotRenderer.Render(chart, Style);
        if (_interactive is null)
            return new Figure(name, chart.Labels.Title, caption, png, Style.Width, Style.Height, null, "interactive chart not requested (PNG-only renderer)");
        var interactive = InteractiveGuard.TryRender(_interactive, chart, Style, out string? reason);
        return new Figure(name, chart.Labels.Title, caption, png, Style.Width, Style.Height, interactive, reason);
    }

    // A named method rather than a lambda in the field initialiser, so the only code that names PlotlyBackend runs
    // when the guard calls it.
    private static IInteractiveBackend CreatePlotly() => new PlotlyBackend();
}
