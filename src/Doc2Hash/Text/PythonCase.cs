using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        var before = text[..index];
        Rune rune = default;
        while (!before.IsEmpty && Rune.DecodeLastFromUtf16(before, out rune, out int width) == OperationStatus.Done && IsCaseIgnorable(rune))
            before = before[..^width];
        if (before.IsEmpty || !IsCased(rune)) return false;
        var after = text[(index + 1)..];
        while (!after.IsEmpty && Rune.DecodeFromUtf16(after, out rune, out int width) == OperationStatus.Done && IsCaseIgnorable(rune))
            after = after[width..];
        return after.IsEmpty || !IsCased(rune);
    }

    /// <summary>
    /// Approximates Unicode's Cased property: upper-, lower- and titlecase letters plus the Other_Lowercase /
    /// Other_Uppercase characters most likely in text (ordinal indicators, Roman numerals, circled letters).
    /// </summary>
    private static bool IsCased(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        || rune.Value is 0x00AA or 0x00BA or (>= 0x2160 and <= 0x217F) or (>= 0x24B6 and <= 0x24E9);

    /// <summary>
    /// Approximates Unicode's Case_Ignorable property: marks, format characters, modifier letters and symbols, and
    /// the word-internal punctuation of Word_Break MidLetter / MidNumLet / Single_Quote.
    /// </summary>
    private static bool IsCaseIgnorable(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol
        || rune.Value is '\'' or '.' or ':' or 0x00B7 or 0x0387 or 0x05F4 or 0x2018 or 0x2019 or 0x2024 or 0x2027
            or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A;
}
