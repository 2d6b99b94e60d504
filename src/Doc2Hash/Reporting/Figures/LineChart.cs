namespace Doc2Hash.Reporting.Figures;

/// <summary>Several named (x, y) series on shared axes; also scatter plots (<see cref="SeriesMode.Markers"/>).</summary>
/// <param name="EqualAspect">One x unit as long as one y unit on screen (geometric plots such as the simplex).</param>
/// <param name="HideAxes">Draw no axes or grid (the simplex triangle has its own frame).</param>
public sealed record LineChart(ChartLabels Labels, IReadOnlyList<LineSeries> Series, bool EqualAspect = false, bool HideAxes = false)
    : ChartDefinition(Labels);
