namespace Doc2Hash.Reporting.Figures;

/// <summary>A labelled tick on an axis.</summary>
public readonly record struct AxisTick(double Position, string Label);

/// <summary>Title and axis labels of a chart; empty strings draw nothing.</summary>
public sealed record ChartLabels(string Title, string XLabel = "", string YLabel = "")
{
    /// <summary>Plot x on a base-10 logarithmic axis (every x must be positive).</summary>
    public bool LogX { get; init; }

    /// <summary>Plot y on a base-10 logarithmic axis (every y must be positive).</summary>
    public bool LogY { get; init; }

    /// <summary>Explicit x ticks (e.g. bit lengths at log2 positions); automatic ticks when null.</summary>
    public IReadOnlyList<AxisTick>? XTicks { get; init; }
}
