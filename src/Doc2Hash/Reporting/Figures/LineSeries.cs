namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// One named series of (x, y) points with an optional symmetric error (e.g. ± one standard deviation over seeds).
/// Validated on construction so every builder and both back-ends can trust it.
/// </summary>
public sealed record LineSeries
{
    public LineSeries(string name, IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double>? yError = null, SeriesMode mode = SeriesMode.LinesAndMarkers)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
            throw new ArgumentException($"Series '{name}' has {x.Count} x values but {y.Count} y values; give one y per x.", nameof(y));
        if (x.Count == 0)
            throw new ArgumentException($"Series '{name}' has no points; give at least one (x, y) pair.", nameof(x));
        FigureInput.RequireFinite(x, $"x of series '{name}'");
        FigureInput.RequireFinite(y, $"y of series '{name}'");
        if (yError is not null)
        {
            if (yError.Count != y.Count)
                throw new ArgumentException($"Series '{name}' has {yError.Count} error values for {y.Count} points; give one error per point.", nameof(yError));
            FigureInput.RequireFinite(yError, $"error of series '{name}'");
            int negative = yError.ToList().FindIndex(e => e < 0);
            if (negative >= 0)
                throw new ArgumentException($"Series '{name}' has a negative error {yError[negative]} at index {negative}; errors are half-widths and must be >= 0.", nameof(yError));
        }
        Name = name;
        X = [.. x];
        Y = [.. y];
        YError = yError is null ? null : [.. yError];
        Mode = mode;
    }

    public string Name { get; }
    public IReadOnlyList<double> X { get; }
    public IReadOnlyList<double> Y { get; }

    /// <summary>Half-width of the error bar at each point, or null for none.</summary>
    public IReadOnlyList<double>? YError { get; }

    public SeriesMode Mode { get; }

    /// <summary>A fixed #rrggbb colour instead of the next palette colour (e.g. the grey frame of the simplex).</summary>
    public string? Colour { get; init; }
}
