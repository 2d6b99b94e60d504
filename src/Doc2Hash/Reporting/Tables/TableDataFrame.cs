using Doc2Hash.Experiments;
using Microsoft.Data.Analysis;

namespace Doc2Hash.Reporting.Tables;

/// <summary>
/// A <see cref="ResultTable"/> as a Microsoft.Data.Analysis DataFrame for notebooks: <see cref="Render"/> in long form
/// (one row per cell, numbers as numbers), <see cref="Wide"/> laid out like the paper (rows = methods, columns = code
/// lengths, cells as text with the best, † and ‡ marks), and the published numbers in the same layout.
/// </summary>
public static class TableDataFrame
{
    /// <summary>Mark of the column's best mean in <see cref="Wide"/> (Markdown bold does not render inside an HTML table).</summary>
    public const string BestMark = "(best)";

    public static DataFrame Render(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var cells = table.Rows.SelectMany(r => table.Bits.Where(r.Cells.ContainsKey).Select(b => (Row: r, Bits: b, Cell: r.Cells[b]))).ToList();
        return new DataFrame(
            new StringDataFrameColumn(table.RowHeader, cells.Select(c => c.Row.Method)),
            new StringDataFrameColumn("settings", cells.Select(c => c.Row.Settings)),
            new Int32DataFrameColumn("bits", cells.Select(c => c.Bits)),
            new DoubleDataFrameColumn("mean", cells.Select(c => c.Cell.Value.Mean)),
            new DoubleDataFrameColumn("std", cells.Select(c => c.Cell.Value.StandardDeviation)),
            new Int32DataFrameColumn("seeds", cells.Select(c => c.Cell.Value.Count)),
            new BooleanDataFrameColumn("best", cells.Select(c => c.Cell.IsBest)),
            new DoubleDataFrameColumn("p_vs_best", cells.Select(c => c.Cell.VersusBest?.PValue)),
            new BooleanDataFrameColumn("not_significantly_worse", cells.Select(c => c.Cell.TiesWithBest)),
            new DoubleDataFrameColumn("seed_p_vs_best", cells.Select(c => c.Cell.VersusBestOverSeeds?.PValue)),
            new BooleanDataFrameColumn("seed_not_significantly_worse", cells.Select(c => c.Cell.TiesWithBestOverSeeds)));
    }

    /// <summary>
    /// One row per finished run: what ran, the epoch selected on validation, both precisions and the wall time its
    /// summary records, so a results table can say what each number cost.
    /// </summary>
    public static DataFrame Runs(IReadOnlyList<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var finished = runs.Where(r => r.Finished).Select(r => r.Summary!).ToList();
        return new DataFrame(
            new StringDataFrameColumn("method", finished.Select(s => s.Method)),
            new Int32DataFrameColumn("bits", finished.Select(s => s.Bits)),
            new Int32DataFrameColumn("seed", finished.Select(s => s.Seed)),
            new Int32DataFrameColumn("epochs", finished.Select(s => s.EpochsRun)),
            new Int32DataFrameColumn("best_epoch", finished.Select(s => s.BestEpoch)),
            new DoubleDataFrameColumn("validation_p", finished.Select(s => s.ValidationPrecision)),
            new DoubleDataFrameColumn("test_p", finished.Select(s => s.TestPrecision)),
            new DoubleDataFrameColumn("seconds", finished.Select(s => s.TotalSeconds)));
    }

    /// <summary>
    /// The paper's layout: one row per method (or variant) with its settings, one column per code length, each cell
    /// "mean ± std (seeds)" followed by <see cref="BestMark"/> for the column's best and † / ‡ for a cell not
    /// significantly worse than it on the queries / over seeds (<see cref="ResultTableBuilder.Convention"/>); empty where no run exists.
    /// </summary>
    public static DataFrame Wide(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = new List<DataFrameColumn>
        {
            new StringDataFrameColumn(table.RowHeader, table.Rows.Select(r => r.Method)),
            new StringDataFrameColumn("settings", table.Rows.Select(r => r.Settings)),
        };
        foreach (int bits in table.Bits)
            columns.Add(new StringDataFrameColumn($"{bits} bits", table.Rows.Select(r => r.Cells.TryGetValue(bits, out var c) ? Cell(c) : "")));
        return new DataFrame(columns);
    }

    /// <summary>"0.4200 ± 0.0200 (3) (best)", "0.4100 ± 0.0100 (3) †‡" or "0.3000 (1)".</summary>
    public static string Cell(ResultCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Value.Format() + (cell.IsBest ? " " + BestMark : "") + (cell.Marks.Length > 0 ? " " + cell.Marks : "");
    }

    /// <summary>Published precision@100 rows (<see cref="PublishedResults"/>), one column per code length (empty where not published).</summary>
    public static DataFrame Published(IEnumerable<PublishedRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        var columns = new List<DataFrameColumn>
        {
            new StringDataFrameColumn("method", list.Select(r => r.Method)),
            new StringDataFrameColumn("dataset", list.Select(r => r.Dataset)),
        };
        foreach (int bits in PublishedResults.Bits)
            columns.Add(new DoubleDataFrameColumn($"{bits} bits", list.Select(r => r.PrecisionAt100.TryGetValue(bits, out double p) ? p : (double?)null)));
        columns.Add(new StringDataFrameColumn("source", list.Select(r => r.Source)));
        return new DataFrame(columns);
    }
}
