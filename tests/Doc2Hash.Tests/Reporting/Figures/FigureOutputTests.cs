using Doc2Hash.Reporting.Figures;

namespace Doc2Hash.Tests.Reporting.Figures;

public class FigureOutputTests
{
    private static readonly LineSeries Series = new("doc2hash", [16, 32, 64], [0.5, 0.6, 0.65], [0.01, 0.02, 0.0]);
    private static readonly ChartLabels Labels = new("P@100 & bits <test>", "bits", "precision@100");

    /// <summary>Fails the way Plotly.NET does in a Jupyter kernel whose FSharp.Core is older than 10.1.</summary>
    private sealed class MissingFSharpCore : IInteractiveBackend
    {
        public InteractiveChart Render(ChartDefinition chart, FigureStyle style) =>
            throw new FileLoadException("Could not load file or assembly 'FSharp.Core, Version=10.1.0.0'.\nThe located assembly's manifest definition does not match.");
    }

    private static string TempFolder() => Path.Combine(Path.GetTempPath(), "doc2hash-figures", Guid.NewGuid().ToString("N"));

    [Fact]
    public void With_Plotly_available_the_figure_has_an_interactive_chart_with_the_same_text()
    {
        var figure = LineCharts.Lines("p100", Labels, [Series]);

        Assert.NotNull(figure.Interactive);
        Assert.Null(figure.InteractiveUnavailableReason);
        Assert.Equal("Plotly.NET.GenericChart", figure.Interactive!.Chart.GetType().FullName?.Split('+')[0]);
        string html = figure.Interactive.ToHtml();
        Assert.Contains("cdn.plot.ly", html);
        Assert.Contains("DejaVu Sans", html);
        Assert.Contains("doc2hash", html);
        Assert.Contains("precision@100", html);
    }

    [Fact]
    public void An_unchanged_figure_regenerates_to_the_same_html_and_a_changed_one_to_a_new_element_id()
    {
        static string Html(LineSeries series) => LineCharts.Lines("p100", Labels, [series]).Interactive!.ToHtml();
        string first = Html(Series), again = Html(Series);
        Assert.Equal(first, again);   // Plotly.NET alone names the div with a new random GUID each time
        var id = System.Text.RegularExpressions.Regex.Match(first, "<div id=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(2, first.Split(id).Length - 1);   // the div and the script that draws into it
        Assert.Equal(2, first.Split(id.Replace("-", "")).Length - 1);   // the drawing function's name, defined and called
        string changed = Html(new LineSeries("doc2hash", [16, 32, 64], [0.5, 0.6, 0.66]));
        Assert.DoesNotContain(id, changed);
    }

    [Fact]
    public void Stable_ids_replace_each_distinct_guid_consistently()
    {
        const string a = "0b6e8f64-1c2d-4e5f-8a9b-0c1d2e3f4a5b", b = "11111111-2222-3333-4444-555555555555";
        string page = $"<div id=\"{a}\"></div><div id=\"{b}\"></div><script>f('{a}'); g('{b}'); var draw_{a.Replace("-", "")} = 1;</script>";
        string stable = StableHtmlIds.Apply(page);
        var ids = System.Text.RegularExpressions.Regex.Matches(stable, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").Select(m => m.Value).ToList();
        Assert.Equal(4, ids.Count);
        Assert.Equal(ids[0], ids[2]);
        Assert.Equal(ids[1], ids[3]);
        Assert.NotEqual(ids[0], ids[1]);
        Assert.DoesNotContain(a, stable);
        Assert.Contains($"var draw_{ids[0].Replace("-", "")} = 1", stable);
        const string other = "99999999-8888-7777-6666-555555555555";   // only content counts, not which random GUIDs it had
        Assert.Equal(stable, StableHtmlIds.Apply(page.Replace(a, other).Replace(a.Replace("-", ""), other.Replace("-", ""))));
        Assert.Equal("no ids here", StableHtmlIds.Apply("no ids here"));
    }

    [Fact]
    public void When_Plotly_cannot_load_the_png_and_a_one_line_reason_come_out()
    {
        var renderer = new FigureRenderer(null, () => new MissingFSharpCore());
        var figure = LineCharts.Lines("p100", Labels, [Series], renderer);

        Assert.Null(figure.Interactive);
        Assert.Contains("FileLoadException", figure.InteractiveUnavailableReason);
        Assert.Contains("FSharp.Core", figure.InteractiveUnavailableReason);
        Assert.DoesNotContain('\n', figure.InteractiveUnavailableReason!);
        Assert.Equal(LineCharts.Lines("p100", Labels, [Series], FigureRenderer.PngOnly).Png, figure.Png);
    }

    [Fact]
    public void A_load_failure_inside_a_static_constructor_is_also_caught_but_a_bug_is_not()
    {
        var chart = new LineChart(Labels, [Series]);
        var wrapped = new TypeInitializationException("Plotly.NET.Defaults", new FileNotFoundException("FSharp.Core"));
        Assert.Null(InteractiveGuard.TryRender(() => throw wrapped, chart, FigureStyle.Default, out string? reason));
        Assert.Contains("FileNotFoundException", reason);
        Assert.Throws<InvalidOperationException>(() => InteractiveGuard.TryRender(() => throw new InvalidOperationException("bug"), chart, FigureStyle.Default, out _));
    }

    [Fact]
    public void Save_writes_png_and_html_atomically_and_leaves_no_temporaries()
    {
        string folder = TempFolder();
        var figure = LineCharts.Lines("p100-vs-bits", Labels, [Series]);

        var written = figure.Save(folder);

        Assert.Equal([Path.Combine(folder, "p100-vs-bits.png"), Path.Combine(folder, "p100-vs-bits.html")], written);
        Assert.Equal(figure.Png, File.ReadAllBytes(written[0]));
        Assert.Contains("cdn.plot.ly", File.ReadAllText(written[1]));
        Assert.Equal(2, Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Save_without_an_interactive_chart_writes_the_png_and_removes_a_stale_html()
    {
        string folder = TempFolder();
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "p100.html"), "an older chart");
        var figure = LineCharts.Lines("p100", Labels, [Series], new FigureRenderer(null, () => new MissingFSharpCore()));

        var written = figure.Save(folder);

        Assert.Equal([Path.Combine(folder, "p100.png")], written);
        Assert.Equal(["p100.png"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void ToHtml_inlines_the_png_and_encodes_the_caption()
    {
        var figure = LineCharts.Lines("p100", Labels, [Series], FigureRenderer.PngOnly, caption: "Mean ± std over 3 seeds <b>");

        string html = figure.ToHtml();

        const string prefix = "data:image/png;base64,";
        int start = html.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length;
        Assert.Equal(figure.Png, Convert.FromBase64String(html[start..html.IndexOf('"', start)]));
        int caption = html.IndexOf("<figcaption>", StringComparison.Ordinal) + "<figcaption>".Length;
        Assert.Equal("Mean ± std over 3 seeds <b>", System.Net.WebUtility.HtmlDecode(html[caption..html.IndexOf("</figcaption>", StringComparison.Ordinal)]));
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("alt=\"P@100 &amp; bits &lt;test&gt;\"", html);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape")]
    [InlineData(".hidden")]
    [InlineData("with space")]
    public void A_name_that_is_not_a_portable_file_name_is_rejected(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => LineCharts.Lines(name, Labels, [Series], FigureRenderer.PngOnly));
        Assert.Contains("portable file name", e.Message);
    }

    [Fact]
    public void Every_builder_produces_an_interactive_html_too()
    {
        var figures = new[]
        {
            BarCharts.Grouped("bars", new ChartLabels("Bars"), ["a", "b"], [new BarGroup("m1", [1, 2]), new BarGroup("m2", [2, 1])]),
            Heatmaps.Matrix("heat", new ChartLabels("Heat"), new double[,] { { 1, -0.5 }, { -0.5, 1 } }, -1, 1, "correlation", diverging: true),
            SimplexPlots.ThreeClasses("simplex", "Gumbel-Softmax samples", [("τ = 0.5", [[0.2, 0.3, 0.5], [1, 0, 0]])]),
        };
        foreach (var figure in figures)
        {
            Assert.NotNull(figure.Interactive);
            Assert.StartsWith("<!DOCTYPE html>", figure.Interactive!.ToHtml().TrimStart(), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("\"barmode\":\"group\"", figures[0].Interactive!.ToHtml());
        Assert.Contains("\"zmin\":-1", figures[1].Interactive!.ToHtml());
    }
}
