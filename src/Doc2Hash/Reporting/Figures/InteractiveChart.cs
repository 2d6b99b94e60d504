namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// The interactive version of a figure. Deliberately typed without Plotly.NET types (the chart is an
/// <see cref="object"/>), so code that holds one can be compiled and run where Plotly.NET cannot load.
/// </summary>
public sealed class InteractiveChart
{
    private readonly Func<bool, string> _html;

    public InteractiveChart(object chart, Func<bool, string> html)
    {
        Chart = chart ?? throw new ArgumentNullException(nameof(chart));
        _html = html ?? throw new ArgumentNullException(nameof(html));
    }

    /// <summary>The Plotly.NET <c>GenericChart</c> (cast to it where Plotly.NET loads, e.g. to display it in a notebook).</summary>
    public object Chart { get; }

    /// <summary>
    /// A complete HTML document. By default it loads plotly.js from the Plotly CDN (a few kB; needs a network
    /// connection to view); <paramref name="selfContained"/> embeds plotly.js instead (about 3.6 MB, works offline).
    /// </summary>
    public string ToHtml(bool selfContained = false) => _html(selfContained);
}
