using System.Text;

namespace Doc2Hash.Data.Readers;

/// <summary>
/// The header, footer and quote heuristics of scikit-learn (sklearn/datasets/_twenty_newsgroups.py:
/// strip_newsgroup_header, strip_newsgroup_footer, strip_newsgroup_quoting), reimplemented with the same
/// semantics, including their quirks, and applied in scikit-learn's order: headers, footers, quotes.
/// </summary>
public static class NewsgroupsCleaner
{
    public static string Clean(string text, NewsgroupsCleaning cleaning)
    {
        if (cleaning.Headers) text = StripHeader(text);
        if (cleaning.Footers) text = StripFooter(text);
        if (cleaning.Quotes) text = StripQuoting(text);
        return text;
    }

    /// <summary>
    /// Everything after the first blank line (Python <c>text.partition("\n\n")[2]</c>). A post without a blank
    /// line becomes empty, as in scikit-learn.
    /// </summary>
    public static string StripHeader(string text)
    {
        int blank = text.IndexOf("\n\n", StringComparison.Ordinal);
        return blank < 0 ? "" : text[(blank + 2)..];
    }

    /// <summary>
    /// Drops the signature block: everything from the last line that is empty or only dashes (after stripping
    /// the whole text), unless that line is line 0 or there is none, in which case the text is returned unchanged
    /// (not even stripped).
    /// </summary>
    public static string StripFooter(string text)
    {
        // Walks the lines of the stripped text from the end (Python: lines = text.strip().split("\n")).
        string stripped = PythonText.Strip(text);
        for (int lineEnd = stripped.Length; lineEnd > 0;)
        {
            int newline = stripped.LastIndexOf('\n', lineEnd - 1);
            if (newline < 0) break; // reached line 0: it never counts as a separator
            if (PythonText.IsBlankOrDashes(stripped.AsSpan(newline + 1, lineEnd - newline - 1))) return stripped[..newline];
            lineEnd = newline;
        }
        return text;
    }

    /// <summary>Drops every line that quotes another post or introduces a quote ("writes:", "In article", "&gt;", "|").</summary>
    public static string StripQuoting(string text)
    {
        // Python's text.split("\n"): only '\n' separates lines ('\r' stays part of a line).
        var kept = new StringBuilder(text.Length);
        bool first = true;
        for (int start = 0; start <= text.Length;)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var line = text.AsSpan(start, end - start);
            if (!IsQuoteLine(line))
            {
                if (!first) kept.Append('\n');
                kept.Append(line);
                first = false;
            }
            start = end + 1;
        }
        return kept.ToString();
    }

    /// <summary>
    /// scikit-learn's _QUOTE_RE, <c>(writes in|writes:|wrote:|says:|said:|^In article|^Quoted from|^\||^&gt;)</c>,
    /// searched per line without MULTILINE: five literals anywhere in the line, four at its start. Written as
    /// literal searches because a regex per line dominated the reading time.
    /// </summary>
    public static bool IsQuoteLine(ReadOnlySpan<char> line) =>
        line.StartsWith("In article", StringComparison.Ordinal) || line.StartsWith("Quoted from", StringComparison.Ordinal)
        || line.StartsWith('|') || line.StartsWith('>')
        || line.Contains("writes in", StringComparison.Ordinal) || line.Contains("writes:", StringComparison.Ordinal)
        || line.Contains("wrote:", StringComparison.Ordinal) || line.Contains("says:", StringComparison.Ordinal)
        || line.Contains("said:", StringComparison.Ordinal);
}
