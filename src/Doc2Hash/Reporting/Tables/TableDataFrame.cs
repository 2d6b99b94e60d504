using Doc2Hash.Experiments;
using Microsoft.Data.Analysis;

namespace Doc2Hash.Reporting.Tables;

/// <summary>A <see cref="ResultTable"/> as a Microsoft.Data.Analysis DataFrame for notebooks: long form (one row per cell) or wide (the paper's layout).</summary>
public static class TableDataFrame
{
    /// <summary>
    /// The paper's layout: one row per method, one column of mean test precision@K per code length ("16 bits", ...),
    /// empty where the method has no run at that length; seeds and significance are in <see cref="Render"/>.
    /// </summary>
    public static DataFrame Wide(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = new List<DataFrameColumn> { new StringDataFrameColumn(table.RowHeader, table.Rows.Select(r => r.Method)) };
        foreach (int bits in table.Bits)
            columns.Add(new DoubleDataFrameColumn($"{bits} bits", table.Rows.Select(r => r.Cells.TryGetValue(bits, out var cell) ? cell.Value.Mean : (double?)null)));
        return new DataFrame(columns);
    }

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
            new BooleanDataFrameColumn("not_significantly_worse", cells.Select(c => c.Cell.TiesWithBest)));
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
}
