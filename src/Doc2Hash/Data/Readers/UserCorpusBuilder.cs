namespace Doc2Hash.Data.Readers;

/// <summary>
/// Turns the documents of a user corpus into a <see cref="RawCorpus"/>. Either every document declares its split,
/// or none does and a seeded split is drawn: the document indices are shuffled with <c>new Random(Seed)</c>
/// (Fisher-Yates), the first round(TestFraction x n) go to test, the rest to train, each split keeping file order.
/// The corpus is single-label when every document has exactly one label, multi-label otherwise.
/// </summary>
public static class UserCorpusBuilder
{
    public static RawCorpus Build(string name, string source, IReadOnlyList<UserDocument> documents, UserCorpusSplit split)
    {
        if (documents.Count == 0)
            throw new InvalidDataException($"'{source}' holds no documents. Add documents (see the user corpus formats in DatasetRegistry).");
        int declared = documents.Count(d => d.Split != DeclaredSplit.None);
        if (declared != 0 && declared != documents.Count)
            throw new InvalidDataException(
                $"'{source}': {declared} of {documents.Count} documents declare a split (train/test) and the others do not. " +
                "Give every document a split, or none (then a seeded 80/20 split is drawn).");
        var isTest = declared > 0 ? documents.Select(d => d.Split == DeclaredSplit.Test).ToArray() : DrawTestMask(documents.Count, split);
        var train = documents.Where((_, i) => !isTest[i]).Select(d => d.Document).ToList();
        var test = documents.Where((_, i) => isTest[i]).Select(d => d.Document).ToList();
        bool multiLabel = documents.Any(d => d.Document.Labels.Count != 1);
        return new RawCorpus(name, train, test, multiLabel);
    }

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
        _ => throw new FormatException($"{where}: split '{value}' must be 'train' or 'test'."),
    };
}
