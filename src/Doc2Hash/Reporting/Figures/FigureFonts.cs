namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// Which installed font family the static back-end really draws with. A PNG with a valid header can still have no
/// text at all (SkiaSharp 4.x with its no-dependency native build renders none; see the notes in environment.md), so
/// the family is resolved explicitly and checked instead of trusted.
/// </summary>
public static class FigureFonts
{
    /// <summary>
    /// The family name SkiaSharp resolves <paramref name="family"/> to: equal to it when installed, else the
    /// fallback family (figures still get text, in another font). Throws when no font at all can be found, since
    /// every figure would then be drawn without text.
    /// </summary>
    public static string Resolve(string family)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        using var typeface = ScottPlot.Fonts.GetTypeface(family, bold: false, italic: false);
        string resolved = typeface?.FamilyName ?? "";
        if (string.IsNullOrEmpty(resolved))
            throw new InvalidOperationException(
                $"No font could be found for '{family}', so figures would have no text. Install one (Debian: apt-get install fonts-dejavu-core; scripts/setup-machine.sh does this).");
        return resolved;
    }

    /// <summary>Whether <paramref name="family"/> itself is installed (not replaced by a fallback).</summary>
    public static bool IsInstalled(string family) => string.Equals(Resolve(family), family, StringComparison.OrdinalIgnoreCase);
}
