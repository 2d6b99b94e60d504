namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// The one look shared by the static (ScottPlot) and interactive (Plotly.NET) back-ends, so a PNG in a report and
/// the HTML chart beside it read as the same figure. The font is named explicitly because the back-ends' defaults
/// differ per machine; DejaVu Sans ships with Debian (`fonts-dejavu-core`, installed by scripts/setup-machine.sh).
/// </summary>
/// <param name="FontFamily">Font family of every text element.</param>
/// <param name="Palette">Series colours as #rrggbb, used in order and cycled (matplotlib's "tab10", familiar to readers).</param>
/// <param name="Width">Image width in pixels.</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="TitleFontSize">Title size in pixels.</param>
/// <param name="LabelFontSize">Axis label and legend size in pixels.</param>
/// <param name="TickFontSize">Tick label size in pixels.</param>
/// <param name="LineWidth">Series line width in pixels.</param>
/// <param name="MarkerSize">Marker diameter in pixels.</param>
public sealed record FigureStyle(
    string FontFamily,
    IReadOnlyList<string> Palette,
    int Width = 800,
    int Height = 500,
    float TitleFontSize = 18,
    float LabelFontSize = 14,
    float TickFontSize = 12,
    float LineWidth = 2,
    float MarkerSize = 6)
{
    /// <summary>Diverging colour stops (blue, white, red) for signed values such as correlations, low to high.</summary>
    public static readonly IReadOnlyList<string> DivergingStops = ["#2166ac", "#f7f7f7", "#b2182b"];

    public static FigureStyle Default { get; } = new("DejaVu Sans",
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]);

    /// <summary>The colour of the series at <paramref name="index"/> (the palette repeats).</summary>
    public string Colour(int index) => Palette[index % Palette.Count];
}
