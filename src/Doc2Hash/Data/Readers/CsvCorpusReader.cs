using System.Text;
using Doc2Hash.IO;

namespace Doc2Hash.Data.Readers;

/// <summary>
/// A user corpus as CSV (UTF-8 unless another encoding is given, RFC 4180 quoting): a header row naming the columns,
/// any order, any case: <c>text</c> (required), <c>labels</c> (names separated by '|', for multi-label data) or
/// <c>label</c> (one name), optional <c>split</c> (train/test) and <c>id</c> (defaults to the row number).
/// </summary>
public static class CsvCorpusReader
{
    public const char LabelSeparator = '|';

    /// <param name="encoding">The file's encoding; null: strict UTF-8 (<see cref="TextDecoding"/>).</param>
    public static RawCorpus Read(string path, UserCorpusSplit split, string? name = null, Encoding? encoding = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"User corpus file '{path}' does not exist.", path);
        using var reader = new StringReader(TextDecoding.DecodeDocument(File.ReadAllBytes(path), path, encoding));
        using var records = CsvRecords.Read(reader, path).GetEnumerator();
        if (!records.MoveNext())
            throw new DataFormatException($"'{path}' is empty: expected a header row with the columns text and labels (or label).");
        var columns = Columns.From(records.Current.Fields, path);
        var documents = new List<UserDocument>();
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            documents.Add(ToDocument(fields, columns, $"{path}, line {line}", documents.Count + 1));
        }
        return UserCorpusBuilder.Build(name ?? Path.GetFileNameWithoutExtension(path), path, documents, split);
    }

    static UserDocument ToDocument(List<string> fields, Columns columns, string where, int row)
    {
        if (fields.Count != columns.Count)
            throw new DataFormatException($"{where}: {fields.Count} fields, the header has {columns.Count}. Quote fields that contain commas.");
        var labels = fields[columns.Labels].Split(LabelSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!columns.LabelsIsList && labels.Length != 1)
            throw new DataFormatException($"{where}: the 'label' column needs exactly one label; use a 'labels' column with '|' between names for several.");
        string id = columns.Id is { } idColumn ? fields[idColumn] : row.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var split = columns.Split is { } splitColumn ? UserCorpusBuilder.ParseSplit(fields[splitColumn], where) : DeclaredSplit.None;
        return new UserDocument(new RawDocument(id, fields[columns.Text], labels.Distinct(StringComparer.Ordinal).ToList()), split, where);
    }

    sealed record Columns(int Count, int Text, int Labels, bool LabelsIsList, int? Split, int? Id)
    {
        public static Columns From(List<string> header, string path)
        {
            var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
            int? Find(string column) => names.IndexOf(column) is var i and >= 0 ? i : null;
            int text = Find("text") ?? throw MissingColumn(path, "text", header);
            int? list = Find("labels");
            int labels = list ?? Find("label") ?? throw MissingColumn(path, "labels (or label)", header);
            return new Columns(names.Count, text, labels, list is not null, Find("split"), Find("id"));
        }

        static DataFormatException MissingColumn(string path, string column, List<string> header) =>
            new($"{path}, line 1: the header has no '{column}' column (found: {string.Join(", ", header)}).");
    }
}
