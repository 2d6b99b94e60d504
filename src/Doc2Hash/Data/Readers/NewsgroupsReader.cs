using System.Formats.Tar;
using System.Text;
using Doc2Hash.Data.Acquisition;

namespace Doc2Hash.Data.Readers;

/// <summary>
/// Reads the 20 Newsgroups "bydate" tarball (<c>20news-bydate-{train,test}/&lt;group&gt;/&lt;message&gt;</c>) straight
/// from the .tar.gz. Like scikit-learn's load_files(encoding="latin1"): bytes decoded as Latin-1, label = group
/// folder, documents ordered by group then file name (ordinal, as Python's sorted()).
/// </summary>
public static class NewsgroupsReader
{
    public const string TrainFolder = "20news-bydate-train";
    public const string TestFolder = "20news-bydate-test";

    /// <param name="expected">Counts of the canonical release; null skips the completeness check (fixtures).</param>
    /// <param name="expectedGroups">Number of newsgroups of the canonical release; null skips the check.</param>
    public static RawCorpus Read(string path, NewsgroupsCleaning cleaning, string name = "ng20",
        SplitCounts? expected = null, int? expectedGroups = null)
    {
        var (train, test) = SourceStreams.Read(path, ReadMembers);
        var corpus = new RawCorpus(name, ToDocuments(train, cleaning), ToDocuments(test, cleaning), IsMultiLabel: false);
        CheckComplete(path, corpus, expected, expectedGroups);
        return corpus;
    }

    sealed record Message(string Group, string FileName, byte[] Bytes);

    static (List<Message> Train, List<Message> Test) ReadMembers(Stream stream)
    {
        var train = new List<Message>();
        var test = new List<Message>();
        foreach (var entry in TarEntries.Read(stream))
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
            string[] parts = TarNames.Normalize(entry.Name).Split('/');
            if (parts.Length != 3) continue; // load_files reads only files directly inside a group folder
            var target = parts[0] switch { TrainFolder => train, TestFolder => test, _ => null };
            target?.Add(new Message(parts[1], parts[2], ReadAll(entry.DataStream)));
        }
        return (train, test);
    }

    static byte[] ReadAll(Stream? data)
    {
        if (data is null) return [];
        using var buffer = new MemoryStream();
        data.CopyTo(buffer);
        return buffer.ToArray();
    }

    static List<RawDocument> ToDocuments(List<Message> messages, NewsgroupsCleaning cleaning) =>
        messages
            .OrderBy(m => m.Group, StringComparer.Ordinal)
            .ThenBy(m => m.FileName, StringComparer.Ordinal)
            .Select(m => new RawDocument($"{m.Group}/{m.FileName}", NewsgroupsCleaner.Clean(Encoding.Latin1.GetString(m.Bytes), cleaning), [m.Group]))
            .ToList();

    static void CheckComplete(string path, RawCorpus corpus, SplitCounts? expected, int? expectedGroups)
    {
        int groups = corpus.Train.Concat(corpus.Test).Select(d => d.Labels[0]).Distinct().Count();
        bool countsWrong = expected is not null && (corpus.Train.Count != expected.Train || corpus.Test.Count != expected.Test);
        if (countsWrong || (expectedGroups is not null && groups != expectedGroups))
            throw new DataSourceException(
                $"'{path}' holds {corpus.Train.Count} train / {corpus.Test.Count} test messages in {groups} groups; the 20news-bydate " +
                $"release has {expected?.Train} / {expected?.Test} in {expectedGroups}. The archive is incomplete or not the bydate " +
                "release: delete it and download it again.");
        if (corpus.Train.Count + corpus.Test.Count == 0)
            throw new DataSourceException(
                $"'{path}' holds no messages under {TrainFolder}/ or {TestFolder}/: it is not the 20news-bydate tarball.");
    }
}
