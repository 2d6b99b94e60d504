using System.Globalization;
using System.Text;

namespace Doc2Hash.Data.Readers;

/// <summary>
/// Decodes the character references of the Reuters-21578 SGML: the named &amp;lt; &amp;gt; &amp;amp; &amp;quot;
/// &amp;apos; and numeric ones such as &amp;#3; (the release marks the end of each text with &amp;#3;). Anything
/// else that starts with '&amp;' is kept as written.
/// </summary>
public static class SgmlEntities
{
    const int MaxEntityLength = 10;

    public static string Decode(string text)
    {
        int amp = text.IndexOf('&');
        if (amp < 0) return text;
        var result = new StringBuilder(text.Length);
        int copied = 0;
        for (; amp >= 0; amp = text.IndexOf('&', amp + 1))
        {
            int semicolon = text.IndexOf(';', amp + 1, Math.Min(MaxEntityLength, text.Length - amp - 1));
            if (semicolon < 0 || Resolve(text.AsSpan(amp + 1, semicolon - amp - 1)) is not { } decoded) continue;
            result.Append(text, copied, amp - copied).Append(decoded);
            copied = semicolon + 1;
            amp = semicolon;
        }
        return result.Append(text, copied, text.Length - copied).ToString();
    }

    static string? Resolve(ReadOnlySpan<char> name) => name switch
    {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "quot" => "\"",
        "apos" => "'",
        _ when name.Length > 2 && name[0] == '#' && (name[1] is 'x' or 'X') => FromCode(name[2..], NumberStyles.AllowHexSpecifier),
        _ when name.Length > 1 && name[0] == '#' => FromCode(name[1..], NumberStyles.None),
        _ => null,
    };

    static string? FromCode(ReadOnlySpan<char> digits, NumberStyles style) =>
        int.TryParse(digits, style, CultureInfo.InvariantCulture, out int code) && code is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF)
            ? char.ConvertFromUtf32(code)
            : null;
}
