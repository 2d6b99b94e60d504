using System.Globalization;
using System.Text;

namespace Doc2Hash.Reporting.Tables;

/// <summary>A <see cref="ResultTable"/> in long form, one line per cell, for spreadsheets and scripts.</summary>
public static class TableCsv
{
    public const string Header = "table,dataset,row,settings,bits,mean,std,seeds,best,p_vs_best,not_significantly_worse_than_best,seed_p_vs_best,seed_not_significantly_worse_than_best,runs";

    public static string Render(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var row in table.Rows)
            foreach (int b in table.Bits)
            {
                if (!row.Cells.TryGetValue(b, out var c)) continue;
                string p = c.VersusBest is { } t ? t.PValue.ToString("R", CultureInfo.InvariantCulture) : "";
                string seedP = c.VersusBestOverSeeds is { } w ? w.PValue.ToString("R", CultureInfo.InvariantCulture) : "";
                string runs = string.Join(' ', c.Runs.Select(r => Path.GetFileName(r.Folder.Path)));
                sb.Append(string.Join(',', Quote(table.Name), Quote(table.Dataset), Quote(row.Method), Quote(row.Settings), b.ToString(CultureInfo.InvariantCulture),
                    c.Value.Mean.ToString("R", CultureInfo.InvariantCulture), c.Value.StandardDeviation.ToString("R", CultureInfo.InvariantCulture),
                    c.Value.Count.ToString(CultureInfo.InvariantCulture), c.IsBest ? "true" : "false", p, c.TiesWithBest ? "true" : "false", seedP, c.TiesWithBestOverSeeds ? "true" : "false", Quote(runs))).Append('\n');
            }
        return sb.ToString();
    }

    /// <summary>RFC 4180 quoting when a field holds a comma, quote or line break.</summary>
    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
