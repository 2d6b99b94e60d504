using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Doc2Hash.Reporting.Figures;
using Microsoft.DotNet.Interactive.Formatting;
using GenericChart = Plotly.NET.GenericChart;

namespace Doc2Hash.Notebooks;

/// <summary>
/// Kernel formatters for the kit's <see cref="Figure"/>: displaying one gives a single output whose mime bundle
/// always holds the PNG (<c>image/png</c>, base64: what GitHub, nbconvert and a plain Jupyter show) and, where
/// Plotly.NET loads in the kernel, the interactive chart as Plotly's own JSON mime type
/// (<c>application/vnd.plotly.v1+json</c>, drawn by VS Code and other Plotly-aware front ends, offline). Plotly's
/// JSON rather than its HTML: front ends pick HTML over PNG, and GitHub, which runs no scripts, would show an empty
/// chart. Where Plotly.NET cannot load (the Jupyter tool's FSharp.Core is too old) figures are PNG only, and the
/// setup line says why, once.
/// </summary>
public static class NotebookFormatters
{
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    private static string? _description;

    /// <summary>Registers the formatters (once per kernel); returns a one-line description for the setup line.</summary>
    public static string Register()
    {
        if (_description is not null) return _description;
        string? unavailable = ProbeInteractive();
        Formatter.Register<Figure>((figure, writer) =>
        {
            SaveOnce(figure);
            writer.Write(Convert.ToBase64String(figure.Png));
        }, "image/png");
        Formatter.Register<Figure>((figure, writer) => writer.Write(PlainText(figure)), PlainTextFormatter.MimeType);
        Formatter.Register<Figure>((figure, writer) => writer.Write(PlotlyJson(figure)), PlotlyMimeType);
        string[] mimeTypes = unavailable is null
            ? [PlotlyMimeType, "image/png", PlainTextFormatter.MimeType]
            : ["image/png", PlainTextFormatter.MimeType];
        Formatter.SetPreferredMimeTypesFor(typeof(Figure), mimeTypes);
        string saved = FiguresDirectory is null ? "" : ", each shown figure saved to results/figures";
        return _description = unavailable is null
            ? $"figures: interactive (Plotly) with a PNG fallback{saved}"
            : $"figures: static PNG only ({unavailable}){saved}";
    }

    /// <summary>
    /// Where shown figures are also saved (PNG, and HTML when interactive): the repository's results/figures when the
    /// kernel runs inside the kit's notebooks/ folder, else nowhere. Set it to null to only show figures.
    /// </summary>
    public static string? FiguresDirectory { get; set; } = DefaultFiguresDirectory();

    private static readonly HashSet<Figure> _saved = new(ReferenceEqualityComparer.Instance);

    /// <summary>Saves a shown figure under <see cref="FiguresDirectory"/> (once per figure object, atomically).</summary>
    private static void SaveOnce(Figure figure)
    {
        if (FiguresDirectory is null) return;
        lock (_saved)
        {
            if (_saved.Add(figure)) figure.Save(FiguresDirectory);
        }
    }

    private static string? DefaultFiguresDirectory()
    {
        var notebooks = new DirectoryInfo(Environment.CurrentDirectory);
        bool inKit = notebooks.Name == "notebooks" && File.Exists(Path.Combine(notebooks.FullName, "kit.csx"));
        return inKit ? Path.Combine(notebooks.Parent!.FullName, "results", "figures") : null;
    }

    /// <summary>Null when Plotly.NET renders in this process, else the reason it cannot (a tiny chart is drawn to find out).</summary>
    private static string? ProbeInteractive()
    {
        var probe = LineCharts.Lines("probe", new ChartLabels("probe"), [new LineSeries("probe", [0.0, 1.0], [0.0, 1.0])]);
        return probe.Interactive is null ? probe.InteractiveUnavailableReason : null;
    }

    private static string PlainText(Figure figure) =>
        figure.Interactive is null && figure.InteractiveUnavailableReason is { } reason
            ? $"{figure.Caption ?? figure.Title} ({reason})"
            : figure.Caption ?? figure.Title;

    /// <summary>
    /// The figure as Plotly JSON: its interactive chart, or, for a figure that has none, its PNG as the layout image
    /// of an empty chart (so a Plotly-aware front end still shows the figure).
    /// </summary>
    private static string PlotlyJson(Figure figure) =>
        figure.Interactive is { } interactive ? FigureJson(interactive.Chart) : ImageOnlyJson(figure);

    // Names Plotly.NET types, so it is only called (and compiled by the JIT) when Plotly.NET rendered the figure.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string FigureJson(object chart) => GenericChart.toFigureJson((GenericChart)chart);

    private static string ImageOnlyJson(Figure figure)
    {
        var hidden = new JsonObject { ["visible"] = false };
        return new JsonObject
        {
            ["data"] = new JsonArray(),
            ["layout"] = new JsonObject
            {
                ["width"] = figure.Width,
                ["height"] = figure.Height,
                ["xaxis"] = hidden.DeepClone(),
                ["yaxis"] = hidden.DeepClone(),
                ["images"] = new JsonArray(new JsonObject
                {
                    ["source"] = "data:image/png;base64," + Convert.ToBase64String(figure.Png),
                    ["xref"] = "paper", ["yref"] = "paper", ["x"] = 0, ["y"] = 1, ["sizex"] = 1, ["sizey"] = 1,
                    ["xanchor"] = "left", ["yanchor"] = "top", ["sizing"] = "contain",
                }),
                ["margin"] = new JsonObject { ["l"] = 0, ["r"] = 0, ["t"] = 0, ["b"] = 0 },
            },
        }.ToJsonString();
    }
}
