using Doc2Hash.Reporting.Figures;
using SkiaSharp;

namespace Doc2Hash.Tests.Reporting.Figures;

/// <summary>
/// A valid PNG proves nothing about text (SkiaSharp 4.x with its no-dependency native build draws none), so these
/// tests check that the font family resolves and that changing a label changes the pixels where it is drawn.
/// </summary>
public class FigureTextTests
{
    // Unnamed, so no legend: the title and the x label are the only text in the top and bottom bands.
    private static readonly LineSeries Series = new("", [1, 2, 3], [0.2, 0.5, 0.4]);

    private static byte[] Png(string title, string xLabel = "x") =>
        LineCharts.Lines("text", new ChartLabels(title, xLabel, "y"), [Series], FigureRenderer.PngOnly).Png;

    [Fact]
    public void DejaVu_Sans_is_resolved_as_itself()
    {
        Assert.Equal("DejaVu Sans", FigureFonts.Resolve(FigureStyle.Default.FontFamily));
        Assert.True(FigureFonts.IsInstalled("DejaVu Sans"));
    }

    [Fact]
    public void The_png_has_the_signature_and_the_style_size()
    {
        byte[] png = Png("A title");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(FigureStyle.Default.Width, bitmap.Width);
        Assert.Equal(FigureStyle.Default.Height, bitmap.Height);
    }

    [Fact]
    public void A_different_title_changes_the_pixels_of_the_title_band_only_there()
    {
        byte[] a = Png("Precision at 100"), b = Png("Something else entirely");
        int band = FigureStyle.Default.Height / 12;
        Assert.True(DifferingPixels(a, b, 0, band) > 50, "the title band should differ");
    }

    [Fact]
    public void An_empty_title_and_a_title_differ_in_the_title_band()
    {
        Assert.True(DifferingPixels(Png(""), Png("Doc2hash"), 0, FigureStyle.Default.Height / 12) > 50);
    }

    [Fact]
    public void An_x_label_is_drawn_in_the_bottom_band()
    {
        int height = FigureStyle.Default.Height;
        Assert.True(DifferingPixels(Png("t", ""), Png("t", "code length (bits)"), height - height / 12, height) > 50);
    }

    [Fact]
    public void The_same_chart_renders_to_the_same_pixels()
    {
        Assert.Equal(0, DifferingPixels(Png("Same"), Png("Same"), 0, FigureStyle.Default.Height));
    }

    /// <summary>Number of pixels in rows [top, bottom) whose colours differ between the two PNGs.</summary>
    internal static int DifferingPixels(byte[] first, byte[] second, int top, int bottom)
    {
        using var a = SKBitmap.Decode(first);
        using var b = SKBitmap.Decode(second);
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        int differing = 0;
        for (int y = top; y < bottom; y++)
            for (int x = 0; x < a.Width; x++)
                if (a.GetPixel(x, y) != b.GetPixel(x, y)) differing++;
        return differing;
    }
}
