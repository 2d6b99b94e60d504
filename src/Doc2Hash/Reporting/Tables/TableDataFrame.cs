using Microsoft.Data.Analysis;

namespace Doc2Hash.Reporting.Tables;

/// <summary>A <see cref="ResultTable"/> as a Microsoft.Data.Analysis DataFrame (long form, one row per cell) for notebooks.</summary>
public static class TableDataFrame
{
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
}
