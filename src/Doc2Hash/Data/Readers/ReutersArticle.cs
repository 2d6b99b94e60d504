namespace Doc2Hash.Data.Readers;

/// <summary>
/// One &lt;REUTERS&gt; element of Reuters-21578: its NEWID, the LEWISSPLIT attribute (TRAIN, TEST, NOT-USED), whether
/// TOPICS="YES", the TOPICS categories, and TITLE and BODY with entities decoded.
/// </summary>
public sealed record ReutersArticle(int NewId, string LewisSplit, bool HasTopics, IReadOnlyList<string> Topics, string Title, string Body,
    string UnstructuredText)
{
    /// <summary>
    /// TITLE, a newline, then BODY, as NLTK's ApteMod files put the title first. Articles with neither (TYPE="UNPROC")
    /// fall back to the untagged content of TEXT.
    /// </summary>
    public string Text =>
        Title.Length + Body.Length == 0 ? UnstructuredText : string.Join('\n', new[] { Title, Body }.Where(part => part.Length > 0));
}
