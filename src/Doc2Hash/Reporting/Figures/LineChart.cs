namespace Doc2Hash.Reporting.Figures;

/// <summary>Several named (x, y) series on shared axes; also scatter plots (<see cref="SeriesMode.Markers"/>).</summary>
/// <param name="EqualAspect">One x unit as long as one y unit on screen (geometric plots such as the simplex).</param>
/// <param name="HideAxes">Draw no axes or grid (the simplex triangle has its own frame).</param>
public sealed record LineChart(ChartLabels Labels, IReadOnlyList<LineSeries> Series, bool EqualAspect = false, bool HideAxes = false)
    : ChartDefinition(Labels)
{
    /// <summary>
    /// The colour of series <paramref name="index"/>: its own, or the next palette colour counting only series
    /// without one, so a grey frame does not use up the first palette colour. Both back-ends call this.
    /// </summary>
    public string ColourOf(int index, FigureStyle style) =>
        Series[index].Colour ?? style.Colour(Series.Take(index).Count(s => s.Colour is null));
}
