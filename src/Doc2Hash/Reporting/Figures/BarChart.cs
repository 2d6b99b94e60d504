namespace Doc2Hash.Reporting.Figures;

/// <summary>One value per category for each named group; several groups are drawn side by side per category.</summary>
public sealed record BarGroup(string Name, IReadOnlyList<double> Values);

/// <summary>Grouped bars over named categories (e.g. categories = bits, groups = methods).</summary>
public sealed record BarChart(ChartLabels Labels, IReadOnlyList<string> Categories, IReadOnlyList<BarGroup> Groups)
    : ChartDefinition(Labels);
