using System.Globalization;
using System.Text;
using Doc2Hash.Data.Acquisition;
using Doc2Hash.IO;

namespace Doc2Hash.Data.Readers;

/// <summary>
/// Reads RCV1-v2 in the LYRL2004 token format (Lewis et al., JMLR 2004, appendix 12: <c>.I &lt;id&gt;</c>, <c>.W</c>,
/// token lines, a blank line) with the topic assignments of appendix 8 (<c>rcv1-v2.topics.qrels</c>: lines
/// <c>&lt;topic&gt; &lt;docid&gt; 1</c>).
/// Sampling rule: count each topic's documents over the qrels; keep the <see cref="Rcv1Sampling.TopTopics"/> most
/// frequent (ties by name, ordinal); the pool is every document carrying at least one kept topic, sorted by id;
/// shuffle it with Fisher-Yates driven by <c>new Random(Seed)</c>; the first TrainSize documents are train, the next
/// TestSize test; within a split documents are ordered by id. A document's labels are its kept topics. The LYRL2004
/// train/test split itself is ignored: the authors sample from the pooled collection.
/// </summary>
public static class Rcv1Reader
{
    const string IdMarker = ".I ";
    const string TextMarker = ".W";

    public static RawCorpus Read(IReadOnlyList<string> tokenFiles, string qrelsPath, Rcv1Sampling sampling, string name = "rcv1")
    {
        var topicsByDocument = ReadQrels(qrelsPath);
        var kept = MostFrequentTopics(topicsByDocument, sampling.TopTopics);
        var pool = topicsByDocument.Keys.Where(id => topicsByDocument[id].Any(kept.Contains)).Order().ToArray();
        if (pool.Length < sampling.TrainSize + sampling.TestSize)
            throw new InvalidOperationException(
                $"RCV1 sampling asks for {sampling.TrainSize} train + {sampling.TestSize} test documents, but only {pool.Length} " +
                $"documents in '{qrelsPath}' carry one of the top {sampling.TopTopics} topics. Lower Rcv1Sampling sizes.");
        new Random(sampling.Seed).Shuffle(pool);
        var trainIds = pool.Take(sampling.TrainSize).ToHashSet();
        var testIds = pool.Skip(sampling.TrainSize).Take(sampling.TestSize).ToHashSet();
        var texts = ReadTokenTexts(tokenFiles, trainIds, testIds);
        return new RawCorpus(name, Documents(trainIds, texts, topicsByDocument, kept, qrelsPath),
            Documents(testIds, texts, topicsByDocument, kept, qrelsPath), IsMultiLabel: true);
    }

    /// <summary>Topic names per document id, in file order.</summary>
    public static Dictionary<int, List<string>> ReadQrels(string path)
    {
        var topics = new Dictionary<int, List<string>>();
        foreach (var (number, line) in LineReader.ReadLines(path, Encoding.ASCII))
        {
            if (line.Length == 0) continue;
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 3 || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int id))
                throw new DataFormatException($"{path}, line {number}: expected '<topic> <docid> 1', found '{line}'.");
            if (!topics.TryGetValue(id, out var list)) topics[id] = list = [];
            list.Add(fields[0]);
        }
        return topics;
    }

    /// <summary>The <paramref name="count"/> topics with the most documents; ties broken by name (ordinal).</summary>
    public static HashSet<string> MostFrequentTopics(Dictionary<int, List<string>> topicsByDocument, int count) =>
        topicsByDocument.Values.SelectMany(topics => topics.Distinct())
            .CountBy(topic => topic)
            .OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(count).Select(pair => pair.Key)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Streams the token files and keeps the texts of the wanted documents only (the full set is ~800k).</summary>
    static Dictionary<int, string> ReadTokenTexts(IReadOnlyList<string> tokenFiles, HashSet<int> trainIds, HashSet<int> testIds)
    {
        var texts = new Dictionary<int, string>();
        foreach (string path in tokenFiles)
        {
            SourceStreams.Read(path, stream =>
            {
                using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                ParseTokenFile(reader, path, (id, text) => { if (trainIds.Contains(id) || testIds.Contains(id)) texts[id] = text; });
                return 0;
            });
        }
        return texts;
    }

    static void ParseTokenFile(StreamReader reader, string path, Action<int, string> onDocument)
    {
        int? current = null;
        var text = new StringBuilder();
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.StartsWith(IdMarker, StringComparison.Ordinal))
            {
                if (current is { } previous) onDocument(previous, text.ToString().TrimEnd());
                if (!int.TryParse(line.AsSpan(IdMarker.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int id))
                    throw new DataFormatException($"{path}, line {number}: '{line}' is not '.I <document id>'.");
                current = id;
                text.Clear();
            }
            else if (line == TextMarker || line.Length == 0) continue;
            else if (current is null) throw new DataFormatException($"{path}, line {number}: tokens before the first '.I <id>' line.");
            else text.Append(line).Append(' ');
        }
        if (current is { } last) onDocument(last, text.ToString().TrimEnd());
    }

    static List<RawDocument> Documents(HashSet<int> ids, Dictionary<int, string> texts, Dictionary<int, List<string>> topics,
        HashSet<string> kept, string qrelsPath) =>
        ids.Order().Select(id => new RawDocument(
                id.ToString(CultureInfo.InvariantCulture),
                texts.TryGetValue(id, out string? text)
                    ? text
                    : throw new DataSourceException($"'{qrelsPath}' lists document {id}, but no LYRL2004 token file holds it. " +
                                                    "A token file is missing or truncated: download the token files again."),
                topics[id].Where(kept.Contains).Distinct().ToList()))
            .ToList();
}
