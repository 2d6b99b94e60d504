using System.Text;

namespace Doc2Hash.Data.Readers;

/// <summary>
/// A user corpus as folders: <c>&lt;root&gt;/&lt;label&gt;/&lt;file&gt;</c>, each file one single-label document (UTF-8,
/// a byte-order mark is honoured). With <c>&lt;root&gt;/train/&lt;label&gt;/...</c> and <c>&lt;root&gt;/test/&lt;label&gt;/...</c>
/// the split is taken from there. Labels and files are read in ordinal name order; hidden files (".name") are skipped.
/// </summary>
public static class FolderCorpusReader
{
    public static RawCorpus Read(string root, UserCorpusSplit split, string? name = null)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"User corpus folder '{root}' does not exist.");
        string corpusName = name ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(root));
        string train = Path.Combine(root, "train"), test = Path.Combine(root, "test");
        var documents = Directory.Exists(train) && Directory.Exists(test)
            ? ReadLabelFolders(train, DeclaredSplit.Train).Concat(ReadLabelFolders(test, DeclaredSplit.Test)).ToList()
            : ReadLabelFolders(root, DeclaredSplit.None);
        if (documents.Count == 0)
            throw new InvalidDataException($"User corpus folder '{root}' holds no documents: expected one subfolder per label with one file per document.");
        return UserCorpusBuilder.Build(corpusName, root, documents, split);
    }

    static List<UserDocument> ReadLabelFolders(string folder, DeclaredSplit declared) =>
        Sorted(Directory.GetDirectories(folder))
            .SelectMany(labelFolder => Sorted(Directory.GetFiles(labelFolder)).Select(file => new UserDocument(
                new RawDocument($"{Path.GetFileName(labelFolder)}/{Path.GetFileName(file)}", File.ReadAllText(file, Encoding.UTF8),
                    [Path.GetFileName(labelFolder)]),
                declared)))
            .ToList();

    static IEnumerable<string> Sorted(string[] paths) =>
        paths.Where(path => !Path.GetFileName(path).StartsWith('.')).Order(StringComparer.Ordinal);
}
