using System.Net;
using Doc2Hash.IO;

namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// A rendered figure: the PNG (always), and the interactive chart when Plotly.NET could load, otherwise null with
/// a one-line <see cref="InteractiveUnavailableReason"/>. Built by the builders through <see cref="FigureRenderer"/>.
/// </summary>
public sealed class Figure
{
    /// <summary>Where generated figures go, relative to the repository root (or the working folder).</summary>
    public const string DefaultDirectory = "results/figures";

    internal Figure(string name, string title, string? caption, byte[] png, int width, int height, InteractiveChart? interactive, string? unavailableReason)
    {
        Name = name;
        Title = title;
        Caption = caption;
        Png = png;
        Width = width;
        Height = height;
        Interactive = interactive;
        InteractiveUnavailableReason = interactive is null ? unavailableReason ?? "interactive chart unavailable" : null;
    }

    /// <summary>File name without extension.</summary>
    public string Name { get; }
    public string Title { get; }

    /// <summary>Text under the image in reports; the title when null.</summary>
    public string? Caption { get; }

    public byte[] Png { get; }
    public int Width { get; }
    public int Height { get; }

    /// <summary>The interactive chart, or null (then <see cref="InteractiveUnavailableReason"/> says why).</summary>
    public InteractiveChart? Interactive { get; }
    public string? InteractiveUnavailableReason { get; }

    /// <summary>
    /// Writes &lt;name&gt;.png and, when the interactive chart exists, &lt;name&gt;.html, each atomically (a reader never
    /// sees a partial file; no temporary file is left behind). Without an interactive chart a &lt;name&gt;.html left by
    /// an earlier save is deleted, so the folder never pairs a new PNG with an old chart. Returns the paths written.
    /// </summary>
    /// <param name="directory">Target folder (created if missing); <see cref="DefaultDirectory"/> when null.</param>
    /// <param name="selfContainedHtml">Embed plotly.js (about 3.6 MB per file, works offline) instead of loading it from the CDN.</param>
    public IReadOnlyList<string> Save(string? directory = null, bool selfContainedHtml = false)
    {
        string folder = directory ?? DefaultDirectory;
        string png = Path.Combine(folder, Name + ".png"), html = Path.Combine(folder, Name + ".html");
        AtomicFile.WriteAllBytes(png, Png);
        if (Interactive is null)
        {
            File.Delete(html);
            return [png];
        }
        AtomicFile.WriteAllText(html, Interactive.ToHtml(selfContainedHtml));
        return [png, html];
    }

    /// <summary>
    /// An HTML fragment with the PNG inlined as a data URI and a caption, for Markdown/HTML reports and notebook
    /// output (works with no file next to the report and no script).
    /// </summary>
    public string ToHtml()
    {
        string alt = WebUtility.HtmlEncode(Title);
        string caption = WebUtility.HtmlEncode(Caption ?? Title);
        return $"<figure><img src=\"data:image/png;base64,{Convert.ToBase64String(Png)}\" alt=\"{alt}\" width=\"{Width}\" height=\"{Height}\"/>"
            + (caption.Length == 0 ? "" : $"<figcaption>{caption}</figcaption>") + "</figure>";
    }

    public override string ToString() =>
        $"{Name}: {Title} ({Width}x{Height} PNG, {Png.Length:N0} bytes; {(Interactive is null ? InteractiveUnavailableReason : "interactive chart available")})";
}
