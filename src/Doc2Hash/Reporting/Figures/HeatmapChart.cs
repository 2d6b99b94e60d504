namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// A matrix drawn as coloured cells with a colour bar; row 0 at the top, as a matrix is printed. With
/// <paramref name="Diverging"/> the colours run blue-white-red over [<paramref name="Min"/>, <paramref name="Max"/>]
/// (white at the midpoint), which suits signed values such as correlations.
/// </summary>
public sealed record HeatmapChart(ChartLabels Labels, double[,] Values, double Min, double Max, string ColourBarLabel, bool Diverging)
    : ChartDefinition(Labels);
