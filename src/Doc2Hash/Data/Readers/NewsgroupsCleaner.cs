using System.Text.RegularExpressions;

namespace Doc2Hash.Data.Readers;

/// <summary>
/// The header, footer and quote heuristics of scikit-learn (sklearn/datasets/_twenty_newsgroups.py:
/// strip_newsgroup_header, strip_newsgroup_footer, strip_newsgroup_quoting), reimplemented with the same
/// semantics, including their quirks, and applied in scikit-learn's order: headers, footers, quotes.
/// </summary>
public static partial class NewsgroupsCleaner
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
        string[] lines = PythonText.Strip(text).Split('\n');
        int lineNumber = lines.Length - 1;
        while (lineNumber > 0 && !PythonText.IsBlankOrDashes(lines[lineNumber])) lineNumber--;
        return lineNumber > 0 ? string.Join('\n', lines, 0, lineNumber) : text;
    }

    /// <summary>Drops every line that quotes another post or introduces a quote ("writes:", "In article", "&gt;", "|").</summary>
    public static string StripQuoting(string text) =>
        string.Join('\n', text.Split('\n').Where(line => !QuoteLine().IsMatch(line)));

    // scikit-learn's _QUOTE_RE, searched per line without MULTILINE, so '^' anchors at the start of the line.
    [GeneratedRegex(@"(writes in|writes:|wrote:|says:|said:|^In article|^Quoted from|^\||^>)", RegexOptions.CultureInvariant)]
    private static partial Regex QuoteLine();
}
