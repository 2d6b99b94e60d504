using System.Text;

namespace Doc2Hash.Data.Readers;

/// <summary>
/// A user corpus as folders: <c>&lt;root&gt;/&lt;label&gt;/&lt;file&gt;</c>, each file one single-label text document
/// (UTF-8 unless another encoding is given; a byte-order mark is honoured). With <c>&lt;root&gt;/train/&lt;label&gt;/...</c>
/// and <c>&lt;root&gt;/test/&lt;label&gt;/...</c> the split is taken from there. Labels and files are read in ordinal name
/// order; hidden files (".name") are skipped. A document's id is its path relative to the root ("sport/1.txt", or
/// "train/sport/1.txt" with split folders), so ids are unique even when train and test reuse file names. A binary
/// file (one holding a NUL byte) or a file that is not valid text in the encoding is an error naming it.
/// </summary>
public static class FolderCorpusReader
{
    /// <param name="encoding">The files' encoding; null: strict UTF-8 (<see cref="TextDecoding"/>).</param>
    public static RawCorpus Read(string root, UserCorpusSplit split, string? name = null, Encoding? encoding = null)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"User corpus folder '{root}' does not exist.");
        string corpusName = name ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(root));
        string train = Path.Combine(root, "train"), test = Path.Combine(root, "test");
        var documents = Directory.Exists(train) && Directory.Exists(test)
            ? ReadLabelFolders(root, train, DeclaredSplit.Train, encoding).Concat(ReadLabelFolders(root, test, DeclaredSplit.Test, encoding)).ToList()
            : ReadLabelFolders(root, root, DeclaredSplit.None, encoding);
        if (documents.Count == 0)
            throw new Doc2Hash.IO.DataFormatException($"User corpus folder '{root}' holds no documents: expected one subfolder per label with one file per document.");
        return UserCorpusBuilder.Build(corpusName, root, documents, split);
    }

    static List<UserDocument> ReadLabelFolders(string root, string folder, DeclaredSplit declared, Encoding? encoding) =>
        Sorted(Directory.GetDirectories(folder))
            .SelectMany(labelFolder => Sorted(Directory.GetFiles(labelFolder)).Select(file => new UserDocument(
                new RawDocument(Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'),
                    TextDecoding.DecodeDocument(File.ReadAllBytes(file), file, encoding),
                    [Path.GetFileName(labelFolder)]),
                declared, file)))
            .ToList();

    static IEnumerable<string> Sorted(string[] paths) =>
        paths.Where(path => !Path.GetFileName(path).StartsWith('.')).Order(StringComparer.Ordinal);
}
