namespace Doc2Hash.Reporting.Figures;

/// <summary>Shared input checks, so every builder rejects bad data with the same clear message.</summary>
internal static class FigureInput
{
    /// <summary>NaN or infinity has no place on a plot: it would silently vanish or break the axis range.</summary>
    public static void RequireFinite(IReadOnlyList<double> values, string what)
    {
        for (int i = 0; i < values.Count; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"The {what} contain {values[i]} at index {i}; figures need finite numbers (drop or fix that entry).");
    }

    /// <summary>File names of figures: letters, digits, '-', '_' and '.', so they are portable and safe in URLs.</summary>
    public static void RequireFileName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.StartsWith('.') || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            throw new ArgumentException($"Figure name '{name}' is not a portable file name; use letters, digits, '-', '_' and '.' (not first).", nameof(name));
    }

    public static void RequireNonEmpty<T>(IReadOnlyList<T> items, string what)
    {
        ArgumentNullException.ThrowIfNull(items, what);
        if (items.Count == 0)
            throw new ArgumentException($"There are no {what}; give at least one.");
    }

    /// <summary>Checks a chart before either back-end sees it, so both fail the same way on the same input.</summary>
    public static void RequireValid(ChartDefinition chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(chart.Labels);
        switch (chart)
        {
            case LineChart lines:
                RequireNonEmpty(lines.Series, "series");
                foreach (var series in lines.Series)
                {
                    if (series.Colour is { } colour && !System.Text.RegularExpressions.Regex.IsMatch(colour, "^#[0-9a-fA-F]{6}$"))
                        throw new ArgumentException($"Series '{series.Name}' has colour '{colour}'; write colours as #rrggbb.");
                    if (chart.Labels.LogX) RequirePositive(series.X, $"x of series '{series.Name}' (the x axis is logarithmic)");
                    if (chart.Labels.LogY) RequirePositive(series.Y, $"y of series '{series.Name}' (the y axis is logarithmic)");
                    if (chart.Labels.LogY && series.YError is not null)
                        throw new ArgumentException($"Series '{series.Name}' has error bars on a logarithmic y axis, which this module does not draw; use a linear axis or drop the errors.");
                }
                break;
            case BarChart bars:
                RequireNonEmpty(bars.Categories, "bar categories");
                RequireNonEmpty(bars.Groups, "bar groups");
                foreach (var group in bars.Groups)
                {
                    if (group.Values.Count != bars.Categories.Count)
                        throw new ArgumentException($"Bar group '{group.Name}' has {group.Values.Count} values for {bars.Categories.Count} categories; give one value per category.");
                    RequireFinite(group.Values, $"values of bar group '{group.Name}'");
                }
                break;
            case HeatmapChart heatmap:
                if (heatmap.Values.GetLength(0) == 0 || heatmap.Values.GetLength(1) == 0)
                    throw new ArgumentException("The heatmap matrix is empty; give at least one row and one column.");
                RequireFinite([.. heatmap.Values.Cast<double>()], "heatmap values");
                if (!(double.IsFinite(heatmap.Min) && double.IsFinite(heatmap.Max) && heatmap.Min < heatmap.Max))
                    throw new ArgumentException($"The heatmap colour range [{heatmap.Min}, {heatmap.Max}] is not an interval; give finite Min < Max.");
                break;
        }
    }

    private static void RequirePositive(IReadOnlyList<double> values, string what)
    {
        for (int i = 0; i < values.Count; i++)
            if (values[i] <= 0)
                throw new ArgumentException($"The {what} contain {values[i]} at index {i}; a logarithmic axis needs positive values.");
    }
}
