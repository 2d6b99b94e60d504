using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// Plotly.NET names each chart's &lt;div&gt; with a fresh random GUID, so regenerating an unchanged figure rewrote every
/// committed .html file. This replaces each GUID of a page with one derived from the page's content with the GUIDs
/// blanked out (SHA-256, formatted as a GUID, with or without dashes as it appeared): the same chart gives the same bytes, a changed chart a new id.
/// </summary>
public static partial class StableHtmlIds
{
    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    public static string Apply(string html)
    {
        // Each GUID appears with dashes (the div's id) and without (the name of the drawing function).
        var distinct = Guid().Matches(html).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0) return html;
        string blanked = distinct.Aggregate(html, (page, id) => page.Replace(id, "", StringComparison.Ordinal).Replace(id.Replace("-", ""), "", StringComparison.Ordinal));
        byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes(blanked));
        for (int i = 0; i < distinct.Count; i++)
        {
            // The i-th distinct GUID becomes the first 16 bytes of SHA-256(i || digest): distinct GUIDs get distinct ids.
            var stable = new System.Guid(SHA256.HashData([.. BitConverter.GetBytes(i), .. digest]).AsSpan(0, 16));
            html = html.Replace(distinct[i], stable.ToString("D"), StringComparison.Ordinal)
                       .Replace(distinct[i].Replace("-", ""), stable.ToString("N"), StringComparison.Ordinal);
        }
        return html;
    }
}
