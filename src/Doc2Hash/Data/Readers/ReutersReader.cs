using System.Formats.Tar;
using System.Text;
using System.Text.RegularExpressions;
using Doc2Hash.Data.Acquisition;

namespace Doc2Hash.Data.Readers;

/// <summary>
/// Reads Reuters-21578 Distribution 1.0 (reuters21578.tar.gz: 22 files reut2-000.sgm .. reut2-021.sgm) and applies
/// the Modified Apte split of the release's README (section VIII.B): LEWISSPLIT="TRAIN"/"TEST" and TOPICS="YES".
/// </summary>
public static partial class ReutersReader
{
    public const string TrainSplit = "TRAIN";
    public const string TestSplit = "TEST";

    /// <summary>The release's file and article counts (README sections III and VI).</summary>
    public const int ReleaseFileCount = 22;
    public const int ReleaseArticleCount = 21578;

    /// <summary>Every article of the archive in file order (which is NEWID order).</summary>
    /// <param name="checkRelease">Check for the complete release (22 files, 21,578 articles); off for fixtures.</param>
    public static List<ReutersArticle> ReadArticles(string path, bool checkRelease = true)
    {
        var files = SourceStreams.Read(path, ReadSgmlMembers);
        if (checkRelease && files.Count != ReleaseFileCount)
            throw new DataSourceException(
                $"'{path}' holds {files.Count} reut2-NNN.sgm files; Reuters-21578 has {ReleaseFileCount}. " +
                "The archive is incomplete: delete it and download it again.");
        var articles = files.SelectMany(file => ReutersSgmlParser.Parse(file.Content, file.Name)).ToList();
        if (checkRelease && articles.Count != ReleaseArticleCount)
            throw new DataSourceException(
                $"'{path}' holds {articles.Count} <REUTERS> articles; Reuters-21578 has {ReleaseArticleCount}. " +
                "The archive is damaged: delete it and download it again.");
        return articles;
    }

    public static RawCorpus Read(string path, ReutersVariant variant, string name, bool checkRelease = true) =>
        ToCorpus(ReadArticles(path, checkRelease), variant, name);

    public static RawCorpus ToCorpus(IReadOnlyList<ReutersArticle> articles, ReutersVariant variant, string name)
    {
        var train = articles.Where(a => a.HasTopics && a.LewisSplit == TrainSplit).ToList();
        var test = articles.Where(a => a.HasTopics && a.LewisSplit == TestSplit).ToList();
        if (variant == ReutersVariant.Categories90)
        {
            var categories = CategoriesInBothSplits(train, test);
            return new RawCorpus(name, Restrict(train, categories), Restrict(test, categories), IsMultiLabel: true);
        }
        return new RawCorpus(name, train.Select(a => ToDocument(a, a.Topics)).ToList(), test.Select(a => ToDocument(a, a.Topics)).ToList(),
            IsMultiLabel: true);
    }

    /// <summary>The ApteMod categories: those with at least one training and one test document (90 in the release).</summary>
    public static HashSet<string> CategoriesInBothSplits(IEnumerable<ReutersArticle> train, IEnumerable<ReutersArticle> test)
    {
        var inTrain = train.SelectMany(a => a.Topics).ToHashSet(StringComparer.Ordinal);
        var inBoth = test.SelectMany(a => a.Topics).Where(inTrain.Contains).ToHashSet(StringComparer.Ordinal);
        return inBoth;
    }

    static List<RawDocument> Restrict(IEnumerable<ReutersArticle> articles, HashSet<string> categories) =>
        articles
            .Select(a => (Article: a, Kept: a.Topics.Where(categories.Contains).ToList()))
            .Where(pair => pair.Kept.Count > 0)
            .Select(pair => ToDocument(pair.Article, pair.Kept))
            .ToList();

    static RawDocument ToDocument(ReutersArticle article, IReadOnlyList<string> labels) =>
        new(article.NewId.ToString(System.Globalization.CultureInfo.InvariantCulture), article.Text, labels.Distinct(StringComparer.Ordinal).ToList());

    sealed record SgmlFile(string Name, string Content);

    static List<SgmlFile> ReadSgmlMembers(Stream stream)
    {
        var files = new List<SgmlFile>();
        foreach (var entry in TarEntries.Read(stream))
        {
            string name = Path.GetFileName(TarNames.Normalize(entry.Name));
            if (entry.DataStream is null || !SgmlFileName().IsMatch(name)) continue;
            using var buffer = new MemoryStream();
            entry.DataStream.CopyTo(buffer);
            files.Add(new SgmlFile(name, Encoding.Latin1.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)));
        }
        return files.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"^reut2-\d{3}\.sgm$", RegexOptions.CultureInvariant)]
    private static partial Regex SgmlFileName();
}
