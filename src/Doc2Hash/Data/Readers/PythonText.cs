namespace Doc2Hash.Data.Readers;

/// <summary>
/// Python's <c>str.strip()</c> semantics. Python counts U+001C..U+001F as whitespace (<c>str.isspace</c>), .NET's
/// <see cref="char.IsWhiteSpace(char)"/> does not; the 20NG heuristics must agree with scikit-learn byte for byte.
/// </summary>
public static class PythonText
{
    public static bool IsSpace(char c) =>
        c is (>= '\t' and <= '\r') or (>= '\u001c' and <= '\u001f') or ' ' or '\u0085' or '\u00a0' or '\u1680'
            or (>= '\u2000' and <= '\u200a') or '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000';

    public static string Strip(string text)
    {
        var (start, length) = StrippedRange(text);
        return length == text.Length ? text : text.Substring(start, length);
    }

    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> text)
    {
        var (start, length) = StrippedRange(text);
        return text.Slice(start, length);
    }

    /// <summary>True when the line is empty or only dashes once whitespace is stripped: <c>line.strip().strip("-") == ""</c>.</summary>
    public static bool IsBlankOrDashes(ReadOnlySpan<char> line) => Strip(line).Trim('-').IsEmpty;

    static (int Start, int Length) StrippedRange(ReadOnlySpan<char> text)
    {
        int start = 0, end = text.Length;
        while (start < end && IsSpace(text[start])) start++;
        while (end > start && IsSpace(text[end - 1])) end--;
        return (start, end - start);
    }
}
