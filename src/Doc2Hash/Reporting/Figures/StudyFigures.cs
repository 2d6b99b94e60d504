using System.Globalization;
using Doc2Hash.Experiments;
using Doc2Hash.Reporting.Statistics;
using Doc2Hash.Reporting.Tables;

namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// The study's figures, drawn from the same cells as its tables (<see cref="ResultTable"/>) and the files each run
/// records (<see cref="RunResults"/>, metrics.csv), so figure and table always show the same runs:
/// P@100 vs bits with ± one standard deviation over seeds, precision@K curves, per-bit usage of the codes,
/// per-epoch training curves, and one chart per ablation.
/// </summary>
public static class StudyFigures
{
    /// <summary>Every figure a main table supports, at <paramref name="detailBits"/> for the per-run figures.</summary>
    public static IReadOnlyList<Figure> ForMainTable(ResultTable table, int detailBits, FigureRenderer? renderer = null)
    {
        var figures = new List<Figure>();
        if (table.Rows.Count == 0) return figures;
        string name = FileName(table.Name);
        figures.Add(PrecisionVsBits($"{name}-p100-vs-bits", table, renderer));
        var atBits = RunsAt(table, detailBits);
        if (PrecisionCurves($"{name}-precision-curves-{detailBits}b", $"{table.Dataset}, {detailBits} bits: test precision@K", atBits, renderer) is { } curves) figures.Add(curves);
        if (BitUsage($"{name}-bit-usage-{detailBits}b", $"{table.Dataset}, {detailBits} bits: rate of ones per bit (training codes)", atBits, renderer) is { } usage) figures.Add(usage);
        if (TrainingCurves($"{name}-training-{detailBits}b", $"{table.Dataset}, {detailBits} bits: selection precision per epoch", null, atBits, renderer) is { } training) figures.Add(training);
        return figures;
    }

    /// <summary>Each row's runs at one code length (rows without a run there are left out): the input of the per-run figures.</summary>
    public static IReadOnlyList<(string Method, IReadOnlyList<RunRecord> Runs)> RunsAt(ResultTable table, int bits)
    {
        ArgumentNullException.ThrowIfNull(table);
        return [.. table.Rows.Where(r => r.Cells.ContainsKey(bits)).Select(r => (r.Method, r.Cells[bits].Runs))];
    }

    /// <summary>The table's cells as test precision@K vs code length, one line per row, ± one standard deviation over seeds.</summary>
    public static Figure PrecisionVsBits(string name, ResultTable table, FigureRenderer? renderer = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        return PrecisionFigures.PrecisionVsBits(name, $"{table.Dataset}: test precision@{table.K} vs code length",
            table.Rows.ToDictionary(r => r.Method, r => (IReadOnlyList<PrecisionAtBits>)[.. r.Cells.Select(c => new PrecisionAtBits(c.Key, c.Value.Value.Mean, c.Value.Value.StandardDeviation))]),
            table.K, renderer);
    }

    /// <summary>
    /// Mean entropy per bit of each method's training codes (<see cref="BitUsageSummary.MeanEntropy"/>), methods side
    /// by side, one bar per code length: 1 bit is a fully used code, lower means bits that are nearly constant. Only
    /// code lengths every method has are drawn (a missing bar would read as zero entropy).
    /// </summary>
    public static Figure MeanEntropy(string name, string title, IReadOnlyList<BitUsageSummary> summaries, FigureRenderer? renderer = null)
    {
        FigureInput.RequireNonEmpty(summaries, "bit usage summaries");
        var methods = summaries.Select(s => s.Method).Distinct().ToList();
        var lengths = summaries.Select(s => s.Bits).Distinct().Order()
            .Where(bits => methods.All(m => summaries.Any(s => s.Method == m && s.Bits == bits))).ToList();
        if (lengths.Count == 0)
            throw new ArgumentException($"No code length has bit usage for every method ({string.Join(", ", methods)}); compare methods at a length they all ran.", nameof(summaries));
        var groups = lengths.Select(bits => new BarGroup($"{bits} bits",
            [.. methods.Select(m => summaries.First(s => s.Method == m && s.Bits == bits).MeanEntropy)])).ToList();
        return BarCharts.Grouped(name, new ChartLabels(title, "method", "mean entropy per bit (bits)"), methods, groups, renderer);
    }

    /// <summary>The ablation chart (each variant's P@100 mean ± std) and, where logged, the KL term per epoch of each variant.</summary>
    public static IReadOnlyList<Figure> ForAblationTable(ResultTable table, FigureRenderer? renderer = null)
    {
        var figures = new List<Figure>();
        if (table.Rows.Count == 0 || table.Bits.Count == 0) return figures;
        int bits = table.Bits[0];
        string name = FileName(table.Name);
        var rows = table.Rows.Where(r => r.Cells.ContainsKey(bits)).ToList();
        var series = rows.Select((r, i) => new LineSeries(r.Method, [i], [r.Cells[bits].Value.Mean],
            r.Cells[bits].Value.Count > 1 ? [r.Cells[bits].Value.StandardDeviation] : null, SeriesMode.Markers)).ToList();
        var labels = new ChartLabels(table.Title, "variant", $"test precision@{table.K}")
        {
            XTicks = [.. rows.Select((r, i) => new AxisTick(i, r.Method))],
        };
        figures.Add(LineCharts.Lines(name, labels, series, renderer, "mean ± one standard deviation over seeds"));
        var perVariant = rows.Select(r => (r.Method, r.Cells[bits].Runs)).ToList();
        if (TrainingCurves($"{name}-kl-per-epoch", $"{table.Dataset}, {bits} bits: KL term per epoch", "loss_kl", perVariant, renderer) is { } kl) figures.Add(kl);
        return figures;
    }

    /// <summary>Precision@K against K (log axis), mean ± std over each method's seeds, from the recorded curves.</summary>
    public static Figure? PrecisionCurves(string name, string title, IReadOnlyList<(string Method, IReadOnlyList<RunRecord> Runs)> methods, FigureRenderer? renderer = null)
    {
        var series = new List<LineSeries>();
        foreach (var (method, runs) in methods)
        {
            var curves = runs.Select(r => RunResults.ReadCurve(r.Folder.Path)).ToList();
            if (curves.Count == 0 || curves.Any(c => c is null || c.Count == 0)) continue;
            var depths = curves[0]!.Select(p => p.K).Where(k => curves.All(c => c!.Any(p => p.K == k))).ToList();
            var cells = depths.Select(k => MeanAndSpread.Of(curves.Select(c => c!.First(p => p.K == k).Precision))).ToList();
            series.Add(new LineSeries(method, [.. depths.Select(k => (double)k)], [.. cells.Select(c => c.Mean)],
                cells.Any(c => c.Count > 1) ? [.. cells.Select(c => c.StandardDeviation)] : null));
        }
        return series.Count == 0 ? null : LineCharts.Lines(name, new ChartLabels(title, "retrieved documents K", "precision@K") { LogX = true }, series, renderer);
    }

    /// <summary>Per-bit rate of ones of the training codes, averaged over each method's seeds.</summary>
    public static Figure? BitUsage(string name, string title, IReadOnlyList<(string Method, IReadOnlyList<RunRecord> Runs)> methods, FigureRenderer? renderer = null)
    {
        var groups = new List<BarGroup>();
        int bits = 0;
        foreach (var (method, runs) in methods)
        {
            var usage = runs.Select(r => RunResults.ReadBitUsage(r.Folder.Path)).ToList();
            if (usage.Count == 0 || usage.Any(u => u is null)) continue;
            bits = usage[0]!.OnesRate.Count;
            if (usage.Any(u => u!.OnesRate.Count != bits)) continue;
            groups.Add(new BarGroup(method, [.. Enumerable.Range(0, bits).Select(b => usage.Average(u => u!.OnesRate[b]))]));
        }
        if (groups.Count == 0 || groups.Any(g => g.Values.Count != bits)) return null;
        var categories = Enumerable.Range(0, bits).Select(b => b.ToString(CultureInfo.InvariantCulture)).ToList();
        return BarCharts.Grouped(name, new ChartLabels(title, "bit", "rate of ones (mean over seeds)"), categories, groups, renderer);
    }

    /// <summary>
    /// A metrics.csv column per epoch (the selection precision when <paramref name="column"/> is null), averaged over
    /// each method's seeds over the epochs all of them reached.
    /// </summary>
    public static Figure? TrainingCurves(string name, string title, string? column, IReadOnlyList<(string Method, IReadOnlyList<RunRecord> Runs)> methods, FigureRenderer? renderer = null)
    {
        var curves = new List<NamedValues>();
        string yLabel = column ?? "selection precision";
        foreach (var (method, runs) in methods)
        {
            var values = runs.Select(r => MetricsTable.Read(r.Folder.Path)).Select(m => m is null ? null : m.Column(column ?? m.SelectionColumn ?? "")).ToList();
            if (values.Count == 0 || values.Any(v => v is null || v.Count == 0)) continue;
            int epochs = values.Min(v => v!.Count);
            var mean = Enumerable.Range(0, epochs).Select(e => values.Average(v => v![e])).ToList();
            if (mean.All(double.IsFinite)) curves.Add(new NamedValues(method, mean));
        }
        return curves.Count == 0 ? null : LineCharts.TrainingCurves(name, title, yLabel, curves, renderer: renderer);
    }

    // Table names hold a profile folder ("quick/ng20-unsupervised"); figure files sit in one folder.
    private static string FileName(string tableName) => tableName.Replace('/', '-');
}
