using System.Globalization;
using System.Text;

namespace Doc2Hash.Text;

/// <summary>
/// Lowercasing as Python 3's <c>str.lower()</c>, which scikit-learn's CountVectorizer applies before tokenising
/// (<c>lowercase=True</c>). Python applies Unicode's full lowercase mapping, which differs from .NET's
/// <see cref="char.ToLowerInvariant"/> (the simple mapping) in two places, both handled here:
/// <list type="bullet">
/// <item>U+0130 LATIN CAPITAL LETTER I WITH DOT ABOVE becomes "i" + U+0307 COMBINING DOT ABOVE
/// (SpecialCasing.txt, the one unconditional multi-character lowercase mapping);</item>
/// <item>U+03A3 GREEK CAPITAL LETTER SIGMA becomes final sigma U+03C2 at the end of a word (the Final_Sigma
/// condition of the Unicode standard, section 3.13), and U+03C3 elsewhere.</item>
/// </list>
/// What can still differ: the Unicode version of the two runtimes' case tables, and the Final_Sigma test, whose
/// Cased and Case_Ignorable properties are approximated from general categories (see <see cref="IsCased"/>).
/// </summary>
public static class PythonCase
{
    private const char CapitalIWithDotAbove = '\u0130';
    private const char CombiningDotAbove = '\u0307';
    private const char CapitalSigma = '\u03A3';
    private const char SmallSigma = '\u03C3';
    private const char FinalSigma = '\u03C2';

    /// <summary>The longest possible result for a text of <paramref name="length"/> UTF-16 units (U+0130 doubles).</summary>
    public static int MaxLoweredLength(int length) => 2 * length;

    public static string ToLower(string text)
    {
        var buffer = new char[MaxLoweredLength(text.Length)];
        int written = ToLower(text, buffer);
        return new string(buffer, 0, written);
    }

    /// <summary>Writes the lowercased <paramref name="source"/> to <paramref name="destination"/> and returns its length.</summary>
    public static int ToLower(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (destination.Length < MaxLoweredLength(source.Length))
            throw new ArgumentException($"The destination needs room for {MaxLoweredLength(source.Length)} characters.", nameof(destination));
        int written = 0;
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            if (c < 0x80)
            {
                destination[written++] = c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
            {
                Rune.ToLowerInvariant(new Rune(c, source[i + 1])).EncodeToUtf16(destination[written..]);
                written += 2; // case mapping never leaves the supplementary planes
                i++;
            }
            else
            {
                written += LowerSpecialOrSimple(source, i, destination[written..]);
            }
        }
        return written;
    }

    private static int LowerSpecialOrSimple(ReadOnlySpan<char> source, int index, Span<char> destination)
    {
        char c = source[index];
        if (c == CapitalIWithDotAbove)
        {
            destination[0] = 'i';
            destination[1] = CombiningDotAbove;
            return 2;
        }
        destination[0] = c == CapitalSigma
            ? (IsFinalSigmaContext(source, index) ? FinalSigma : SmallSigma)
            : char.ToLowerInvariant(c);
        return 1;
    }

    /// <summary>Final_Sigma: a cased letter before (skipping case-ignorables) and none after (skipping case-ignorables).</summary>
    private static bool IsFinalSigmaContext(ReadOnlySpan<char> text, int index)
    {
        int before = index - 1;
        while (before >= 0 && IsCaseIgnorable(text[before])) before--;
        if (before < 0 || !IsCased(text[before])) return false;
        int after = index + 1;
        while (after < text.Length && IsCaseIgnorable(text[after])) after++;
        return after == text.Length || !IsCased(text[after]);
    }

    /// <summary>
    /// Approximates Unicode's Cased property: upper-, lower- and titlecase letters plus the Other_Lowercase /
    /// Other_Uppercase characters most likely in text (ordinal indicators, Roman numerals, circled letters).
    /// </summary>
    private static bool IsCased(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        || c is '\u00AA' or '\u00BA' or (>= '\u2160' and <= '\u217F') or (>= '\u24B6' and <= '\u24E9');

    /// <summary>
    /// Approximates Unicode's Case_Ignorable property: marks, format characters, modifier letters and symbols, and
    /// the word-internal punctuation of Word_Break MidLetter / MidNumLet / Single_Quote.
    /// </summary>
    private static bool IsCaseIgnorable(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol
        || c is '\'' or '.' or ':' or '\u00B7' or '\u0387' or '\u05F4' or '\u2018' or '\u2019' or '\u2024' or '\u2027'
            or '\uFE13' or '\uFE52' or '\uFE55' or '\uFF07' or '\uFF0E' or '\uFF1A';
}
