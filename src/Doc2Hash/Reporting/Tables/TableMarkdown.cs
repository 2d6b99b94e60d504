using System.Text;

namespace Doc2Hash.Reporting.Tables;

/// <summary>A <see cref="ResultTable"/> as a GitHub Markdown table with its title above and caption below.</summary>
public static class TableMarkdown
{
    public static string Render(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        sb.AppendLine($"### {table.Title}").AppendLine();
        sb.AppendLine($"| {table.RowHeader} | settings (differences from the preset) | " + string.Join(" | ", table.Bits.Select(b => $"{b} bits")) + " |");
        sb.AppendLine("|---|---|" + string.Concat(table.Bits.Select(_ => "---:|")));
        foreach (var row in table.Rows)
            sb.AppendLine($"| {Escape(row.Method)} | {Escape(row.Settings)} | " + string.Join(" | ", table.Bits.Select(b => row.Cells.TryGetValue(b, out var c) ? Cell(c) : "")) + " |");
        sb.AppendLine().AppendLine(table.Caption);
        return sb.ToString();
    }

    public static string Cell(ResultCell cell) =>
        (cell.IsBest ? $"**{cell.Value.Format()}**" : cell.Value.Format()) + (cell.Marks.Length > 0 ? " " + cell.Marks : "");

    /// <summary>A pipe inside a cell would end it.</summary>
    public static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
