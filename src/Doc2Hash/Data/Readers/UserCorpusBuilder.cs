using Doc2Hash.IO;

namespace Doc2Hash.Data.Readers;

/// <summary>
/// Turns the documents of a user corpus into a <see cref="RawCorpus"/>. Either every document declares its split,
/// or none does and a seeded split is drawn: the document indices are shuffled with <c>new Random(Seed)</c>
/// (Fisher-Yates), the first round(TestFraction x n) go to test, the rest to train, each split keeping file order.
/// The corpus is single-label when every document has exactly one label, multi-label when some document has several.
/// Checked here for every format: document ids are unique (two documents with one id are an error naming both), and a
/// corpus whose documents carry at most one label must give every document one (an empty labels cell there is a
/// mistake, not a multi-label corpus: it would silently change how relevance is judged).
/// </summary>
public static class UserCorpusBuilder
{
    public static RawCorpus Build(string name, string source, IReadOnlyList<UserDocument> documents, UserCorpusSplit split)
    {
        if (documents.Count == 0)
            throw new DataFormatException($"'{source}' holds no documents. Add documents (see the user corpus formats in DatasetRegistry).");
        CheckUniqueIds(source, documents);
        bool multiLabel = documents.Any(d => d.Document.Labels.Count > 1);
        if (!multiLabel) CheckEveryDocumentLabelled(source, documents);
        int declared = documents.Count(d => d.Split != DeclaredSplit.None);
        if (declared != 0 && declared != documents.Count)
            throw new DataFormatException(
                $"'{source}': {declared} of {documents.Count} documents declare a split (train/test) and the others do not. " +
                "Give every document a split, or none (then a seeded 80/20 split is drawn).");
        var isTest = declared > 0 ? documents.Select(d => d.Split == DeclaredSplit.Test).ToArray() : DrawTestMask(documents.Count, split);
        var train = documents.Where((_, i) => !isTest[i]).Select(d => d.Document).ToList();
        var test = documents.Where((_, i) => isTest[i]).Select(d => d.Document).ToList();
        return new RawCorpus(name, train, test, multiLabel);
    }

    static void CheckUniqueIds(string source, IReadOnlyList<UserDocument> documents)
    {
        var first = new Dictionary<string, UserDocument>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (first.TryAdd(document.Document.Id, document)) continue;
            throw new DataFormatException(
                $"'{source}': the document id '{document.Document.Id}' appears twice ({Where(first[document.Document.Id])} and {Where(document)}). " +
                "Ids must be unique: fix the id column/field, or drop it (then the line number is the id).");
        }
    }

    static void CheckEveryDocumentLabelled(string source, IReadOnlyList<UserDocument> documents)
    {
        var unlabelled = documents.Where(d => d.Document.Labels.Count == 0).ToList();
        if (unlabelled.Count == 0) return;
        if (unlabelled.Count == documents.Count)
            throw new DataFormatException($"'{source}': no document has a label. Retrieval is judged by shared labels, so every document needs one " +
                                          "(a 'label' or 'labels' value; a folder corpus takes it from the subfolder name).");
        string examples = string.Join("; ", unlabelled.Take(3).Select(Where)) + (unlabelled.Count > 3 ? $"; and {unlabelled.Count - 3} more" : "");
        throw new DataFormatException(
            $"'{source}': {unlabelled.Count} document(s) have an empty label ({examples}), while every other document has exactly one. " +
            "A single-label corpus needs a label on every document: fill in the label, or remove the document.");
    }

    static string Where(UserDocument document) => document.Source.Length > 0 ? document.Source : $"id '{document.Document.Id}'";

    public static bool[] DrawTestMask(int count, UserCorpusSplit split)
    {
        if (split.TestFraction is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(split), split.TestFraction, "TestFraction must lie strictly between 0 and 1.");
        int[] order = Enumerable.Range(0, count).ToArray();
        new Random(split.Seed).Shuffle(order);
        int testCount = (int)Math.Round(split.TestFraction * count, MidpointRounding.AwayFromZero);
        var mask = new bool[count];
        foreach (int index in order.Take(testCount)) mask[index] = true;
        return mask;
    }

    /// <summary>Parses a split value ("train"/"test", any case; empty means undeclared).</summary>
    public static DeclaredSplit ParseSplit(string? value, string where) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => DeclaredSplit.None,
        "train" => DeclaredSplit.Train,
        "test" => DeclaredSplit.Test,
        _ => throw new DataFormatException($"{where}: split '{value}' must be 'train' or 'test'."),
    };
}
