using System.Globalization;
using Doc2Hash.Data.Preprocessing;
using Doc2Hash.Reporting.Figures;

namespace Doc2Hash.Reporting;

/// <summary>Figures of a <see cref="PreprocessingReport"/>: document-length histograms around the length filter.</summary>
public static class PreprocessingFigures
{
    /// <summary>
    /// Lengths (kept-vocabulary tokens) of one raw split's documents before and after the length filter, as shares of
    /// documents over 0..<paramref name="maxShown"/> tokens. A few documents are far longer (20 Newsgroups has posts of
    /// over 10,000 tokens), which would squeeze every other bar into the first bin; they are left out of the plot and
    /// counted in its title.
    /// </summary>
    public static Figure Lengths(PreprocessingReport report, string split, int maxShown = 1000, int bins = 50, FigureRenderer? renderer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxShown, 1);
        var filtering = report.Split(split);
        double[] Shown(IReadOnlyList<int> lengths) => [.. lengths.Where(l => l <= maxShown).Select(l => (double)l)];
        int hidden = filtering.LengthsBeforeFilter.Count(l => l > maxShown);
        var samples = new List<NamedValues>
        {
            new("before the length filter", Shown(filtering.LengthsBeforeFilter)),
            new("after the length filter", Shown(filtering.LengthsAfterFilter)),
        };
        string title = string.Create(CultureInfo.InvariantCulture, $"{report.Corpus} {split}: document lengths ({hidden:N0} longer than {maxShown:N0} not shown)");
        var labels = new ChartLabels(title, "kept-vocabulary tokens per document", "share of documents");
        return Histograms.Overlaid($"{report.Corpus}-{split}-lengths", labels, samples, bins, normalise: true, min: 0, max: maxShown, renderer: renderer);
    }
}
