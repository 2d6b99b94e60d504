namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// Line charts of several named series with optional ± error bars: P@100 vs bits, precision@K curves, training
/// curves, estimator bias/variance vs temperature or sample count (with <see cref="ChartLabels.LogX"/>/<see cref="ChartLabels.LogY"/>).
/// </summary>
public static class LineCharts
{
    public static Figure Lines(string name, ChartLabels labels, IReadOnlyList<LineSeries> series, FigureRenderer? renderer = null, string? caption = null) =>
        (renderer ?? FigureRenderer.Default).Render(name, new LineChart(labels, series), caption);

    /// <summary>
    /// Per-epoch curves (loss terms, temperature, validation P@100): epoch 1, 2, ... on x. Curves may have different
    /// lengths (e.g. a run stopped early); quantities on different scales belong in separate figures.
    /// </summary>
    public static Figure TrainingCurves(string name, string title, string yLabel, IReadOnlyList<NamedValues> curves, bool logY = false, FigureRenderer? renderer = null)
    {
        FigureInput.RequireNonEmpty(curves, "training curves");
        var series = curves.Select(c => new LineSeries(c.Name, [.. Enumerable.Range(1, c.Values.Count).Select(e => (double)e)], c.Values, mode: SeriesMode.Lines)).ToList();
        return Lines(name, new ChartLabels(title, "epoch", yLabel) { LogY = logY }, series, renderer);
    }
}
