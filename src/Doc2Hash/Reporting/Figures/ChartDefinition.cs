namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// What to draw, as plain data and independent of any plotting library: each back-end (ScottPlot for the PNG,
/// Plotly.NET for the interactive HTML) renders the same definition, which is what keeps the two consistent.
/// </summary>
public abstract record ChartDefinition(ChartLabels Labels);
