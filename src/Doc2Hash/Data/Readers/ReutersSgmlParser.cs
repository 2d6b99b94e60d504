using System.Globalization;
using System.Text.RegularExpressions;
using Doc2Hash.IO;

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
            // A start tag missing its '>' runs on into the next tag: "<REUTERS NEWID="7"\n<DATE>" or even past "</REUTERS>".
            if (start.Groups["attributes"].Value.Contains('<'))
                throw Malformed(fileName, sgml, start.Index, "the <REUTERS ...> start tag is not closed with '>' before the next tag");
            int end = sgml.IndexOf(ArticleEnd, start.Index + start.Length, StringComparison.Ordinal);
            if (end < 0) throw Malformed(fileName, sgml, start.Index, $"the <REUTERS> element has no {ArticleEnd}");
            articles.Add(ParseArticle(sgml, start, end, fileName));
        }
        return articles;
    }

    static ReutersArticle ParseArticle(string sgml, Match start, int end, string fileName)
    {
        var attributes = start.Groups["attributes"].Value;
        var element = new Region(sgml, start.Index + start.Length, end);
        if (!int.TryParse(Attribute(attributes, "NEWID"), NumberStyles.None, CultureInfo.InvariantCulture, out int newId))
            throw Malformed(fileName, sgml, start.Index, "the <REUTERS> tag has no numeric NEWID attribute");
        var text = Inner(element, "TEXT", fileName);
        string title = SgmlEntities.Decode(text is { } t ? Inner(t, "TITLE", fileName)?.Value ?? "" : "");
        string body = SgmlEntities.Decode(text is { } b ? Inner(b, "BODY", fileName)?.Value ?? "" : "");
        // Only articles without TITLE and BODY (TYPE="UNPROC") need the untagged TEXT.
        string unstructured = title.Length + body.Length == 0 ? SgmlEntities.Decode(AnyTag().Replace(text?.Value ?? "", "")).Trim() : "";
        return new ReutersArticle(
            newId,
            Attribute(attributes, "LEWISSPLIT") ?? "",
            Attribute(attributes, "TOPICS") == "YES",
            Categories(Inner(element, "TOPICS", fileName)?.Value ?? ""),
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

    /// <summary>A stretch [Start, End) of the file's text, so nested elements keep their position in the file for messages.</summary>
    readonly record struct Region(string Sgml, int Start, int End)
    {
        public string Value => Sgml[Start..End];
    }

    /// <summary>
    /// The content between &lt;tag ...&gt; and &lt;/tag&gt; (up to the region's end when the end tag is missing), or null
    /// when the element is absent. A start tag that never closes with '&gt;' is a malformed file.
    /// </summary>
    static Region? Inner(Region region, string tag, string fileName)
    {
        int open = FindStartTag(region, tag);
        if (open < 0) return null;
        int tagEnd = region.Sgml.IndexOf('>', open, region.End - open);
        if (tagEnd < 0)
            throw Malformed(fileName, region.Sgml, open, $"the <{tag}> start tag has no closing '>' before the end of its element");
        int contentStart = tagEnd + 1;
        int close = region.Sgml.IndexOf($"</{tag}>", contentStart, region.End - contentStart, StringComparison.Ordinal);
        return new Region(region.Sgml, contentStart, close < 0 ? region.End : close);
    }

    static int FindStartTag(Region region, string tag)
    {
        string sgml = region.Sgml;
        for (int at = sgml.IndexOf($"<{tag}", region.Start, region.End - region.Start, StringComparison.Ordinal);
             at >= 0;
             at = at + 1 < region.End ? sgml.IndexOf($"<{tag}", at + 1, region.End - at - 1, StringComparison.Ordinal) : -1)
        {
            char next = at + tag.Length + 1 < region.End ? sgml[at + tag.Length + 1] : '\0';
            if (next is '>' or ' ' or '\n' or '\t' or '\r') return at;
        }
        return -1;
    }

    static List<string> Categories(string topics) =>
        CategoryElement().Matches(topics).Select(m => SgmlEntities.Decode(m.Groups["name"].Value)).ToList();

    static DataFormatException Malformed(string fileName, string sgml, int offset, string problem)
    {
        int line = 1 + sgml.AsSpan(0, offset).Count('\n');
        return new DataFormatException($"{fileName}, line {line}: {problem}. The file is damaged: delete the archive and download it again.");
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
