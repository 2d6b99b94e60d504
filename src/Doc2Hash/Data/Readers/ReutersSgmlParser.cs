using System.Globalization;
using System.Text.RegularExpressions;

namespace Doc2Hash.Data.Readers;

/// <summary>
/// A small parser for the Reuters-21578 SGML files (lewis.dtd). The markup is regular: one &lt;REUTERS ...&gt; start
/// tag per article with quoted attributes, non-nested TOPICS/TITLE/BODY/TEXT elements, categories in &lt;D&gt; elements.
/// No SGML library: element contents are located by their tags and entities decoded afterwards.
/// </summary>
public static partial class ReutersSgmlParser
{
    const string ArticleEnd = "</REUTERS>";

    /// <param name="sgml">The file's content (decode bytes as Latin-1: reut2-017.sgm holds one non-ASCII byte).</param>
    /// <param name="fileName">Named in error messages.</param>
    public static List<ReutersArticle> Parse(string sgml, string fileName)
    {
        var articles = new List<ReutersArticle>();
        foreach (Match start in ArticleStart().Matches(sgml))
        {
            int end = sgml.IndexOf(ArticleEnd, start.Index, StringComparison.Ordinal);
            if (end < 0) throw Malformed(fileName, sgml, start.Index, $"the <REUTERS> element has no {ArticleEnd}");
            articles.Add(ParseArticle(sgml, start, end, fileName));
        }
        return articles;
    }

    static ReutersArticle ParseArticle(string sgml, Match start, int end, string fileName)
    {
        var attributes = start.Groups["attributes"].Value;
        string element = sgml[(start.Index + start.Length)..end];
        if (!int.TryParse(Attribute(attributes, "NEWID"), NumberStyles.None, CultureInfo.InvariantCulture, out int newId))
            throw Malformed(fileName, sgml, start.Index, "the <REUTERS> tag has no numeric NEWID attribute");
        string text = Inner(element, "TEXT") ?? "";
        string title = SgmlEntities.Decode(Inner(text, "TITLE") ?? "");
        string body = SgmlEntities.Decode(Inner(text, "BODY") ?? "");
        // Only articles without TITLE and BODY (TYPE="UNPROC") need the untagged TEXT.
        string unstructured = title.Length + body.Length == 0 ? SgmlEntities.Decode(AnyTag().Replace(text, "")).Trim() : "";
        return new ReutersArticle(
            newId,
            Attribute(attributes, "LEWISSPLIT") ?? "",
            Attribute(attributes, "TOPICS") == "YES",
            Categories(Inner(element, "TOPICS") ?? ""),
            title,
            body,
            unstructured);
    }

    static string? Attribute(string attributes, string name)
    {
        foreach (Match attribute in AttributePair().Matches(attributes))
        {
            if (attribute.Groups["name"].Value == name) return attribute.Groups["value"].Value;
        }
        return null;
    }

    /// <summary>The content between &lt;tag ...&gt; and &lt;/tag&gt;, or null when the element is absent.</summary>
    static string? Inner(string text, string tag)
    {
        int open = FindStartTag(text, tag);
        if (open < 0) return null;
        int contentStart = text.IndexOf('>', open) + 1;
        int close = text.IndexOf($"</{tag}>", contentStart, StringComparison.Ordinal);
        return close < 0 ? text[contentStart..] : text[contentStart..close];
    }

    static int FindStartTag(string text, string tag)
    {
        for (int at = text.IndexOf($"<{tag}", StringComparison.Ordinal); at >= 0; at = text.IndexOf($"<{tag}", at + 1, StringComparison.Ordinal))
        {
            char next = at + tag.Length + 1 < text.Length ? text[at + tag.Length + 1] : '\0';
            if (next is '>' or ' ' or '\n' or '\t' or '\r') return at;
        }
        return -1;
    }

    static List<string> Categories(string topics) =>
        CategoryElement().Matches(topics).Select(m => SgmlEntities.Decode(m.Groups["name"].Value)).ToList();

    static FormatException Malformed(string fileName, string sgml, int offset, string problem)
    {
        int line = 1 + sgml.AsSpan(0, offset).Count('\n');
        return new FormatException($"{fileName}, line {line}: {problem}. The file is damaged: delete the archive and download it again.");
    }

    [GeneratedRegex(@"<REUTERS(?<attributes>[^>]*)>", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleStart();

    [GeneratedRegex(@"(?<name>[A-Z]+)=""(?<value>[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex AttributePair();

    [GeneratedRegex(@"<D>(?<name>[^<]*)</D>", RegexOptions.CultureInvariant)]
    private static partial Regex CategoryElement();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex AnyTag();
}
