namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// Renders a chart definition as an interactive chart. The only implementation that uses Plotly.NET is
/// <see cref="PlotlyBackend"/>; the interface exists so it can be created behind <see cref="InteractiveGuard"/> and so
/// tests can inject a back-end that fails the way Plotly.NET fails in a kernel without its FSharp.Core.
/// </summary>
public interface IInteractiveBackend
{
    InteractiveChart Render(ChartDefinition chart, FigureStyle style);
}
