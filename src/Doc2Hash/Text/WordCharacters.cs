using System.Globalization;
using System.Text;

namespace Doc2Hash.Text;

/// <summary>
/// Python's <c>\w</c> for <c>str</c> patterns (the <c>(?u)</c> of scikit-learn's token pattern): a code point is a
/// word character when <c>str.isalnum()</c> holds for it, or it is '_' (CPython's <c>_sre</c>:
/// <c>SRE_UNI_IS_WORD = Py_UNICODE_ISALNUM(ch) || ch == '_'</c>). <c>isalnum</c> is isalpha (general categories
/// Lu, Ll, Lt, Lm, Lo) or isdecimal / isdigit / isnumeric (characters with a numeric type: Nd, Nl, No).
/// <para>
/// .NET's regex <c>\w</c> is a different set, <c>[\p{L}\p{Mn}\p{Nd}\p{Pc}]</c>: it also takes combining marks
/// (Mn, e.g. U+0301) and connector punctuation other than '_' (e.g. U+203F), and it misses letter-like and other
/// numbers (Nl, No: '²', '½', 'Ⅻ'). A .NET <c>Regex(@"\b\w\w+\b")</c> therefore tokenises differently from
/// scikit-learn outside ASCII; this class reproduces Python. Python also counts in code points, so a character
/// outside the Basic Multilingual Plane is one character, not two UTF-16 units.
/// </para>
/// </summary>
public static class WordCharacters
{
    private const int TableSize = 256;
    private static readonly bool[] Latin1 = BuildLatin1Table();

    public static bool IsWordCharacter(char c) =>
        c < TableSize ? Latin1[c] : IsWordCategory(char.GetUnicodeCategory(c));

    public static bool IsWordCharacter(Rune rune) =>
        rune.Value < TableSize ? Latin1[rune.Value] : IsWordCategory(Rune.GetUnicodeCategory(rune));

    private static bool IsWordCategory(UnicodeCategory category) => category is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    private static bool[] BuildLatin1Table()
    {
        var table = new bool[TableSize];
        for (int c = 0; c < TableSize; c++)
            table[c] = c == '_' || IsWordCategory(char.GetUnicodeCategory((char)c));
        return table;
    }
}
