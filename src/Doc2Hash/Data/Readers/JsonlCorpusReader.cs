using System.Text.Json;

namespace Doc2Hash.Data.Readers;

/// <summary>
/// A user corpus as JSON Lines (UTF-8): one object per line, <c>{"text": "...", "labels": ["a", "b"]}</c> or
/// <c>{"text": "...", "label": "a"}</c>, optional <c>"split": "train"|"test"</c> and <c>"id"</c>. Blank lines are skipped.
/// </summary>
public static class JsonlCorpusReader
{
    public static RawCorpus Read(string path, UserCorpusSplit split, string? name = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"User corpus file '{path}' does not exist.", path);
        var documents = new List<UserDocument>();
        foreach (var (number, line) in LineReader.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            documents.Add(ParseLine(line, $"{path}, line {number}", number));
        }
        return UserCorpusBuilder.Build(name ?? Path.GetFileNameWithoutExtension(path), path, documents, split);
    }

    /// <summary>
    /// Documents to hash (no split, labels optional): one object per line with a <c>"text"</c> string and an optional
    /// <c>"id"</c> (default: the line number); labels are read when present and otherwise empty.
    /// </summary>
    public static IReadOnlyList<RawDocument> ReadDocuments(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Input file '{path}' does not exist.", path);
        var documents = new List<RawDocument>();
        foreach (var (number, line) in LineReader.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            string where = $"{path}, line {number}";
            var root = ParseObject(line, where);
            bool labelled = root.TryGetProperty("labels", out _) || root.TryGetProperty("label", out _);
            documents.Add(new RawDocument(Id(root, where, number), Text(root, where), labelled ? Labels(root, where) : []));
        }
        return documents;
    }

    static UserDocument ParseLine(string line, string where, int number)
    {
        var root = ParseObject(line, where);
        var split = UserCorpusBuilder.ParseSplit(String(root, "split", where), where);
        return new UserDocument(new RawDocument(Id(root, where, number), Text(root, where), Labels(root, where)), split);
    }

    static string Text(JsonElement root, string where) =>
        String(root, "text", where) ?? throw new FormatException($"{where}: the object has no \"text\" string.");

    static string Id(JsonElement root, string where, int number) =>
        String(root, "id", where) ?? number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    static JsonElement ParseObject(string line, string where)
    {
        JsonElement root;
        try
        {
            using var json = JsonDocument.Parse(line);
            root = json.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new FormatException($"{where}: not valid JSON ({error.Message}).", error);
        }
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException($"{where}: expected a JSON object per line.");
        return root;
    }

    static List<string> Labels(JsonElement root, string where)
    {
        if (root.TryGetProperty("labels", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array) throw new FormatException($"{where}: \"labels\" must be an array of strings.");
            return list.EnumerateArray().Select(item => Scalar(item, "labels", where)).Distinct(StringComparer.Ordinal).ToList();
        }
        if (root.TryGetProperty("label", out var single)) return [Scalar(single, "label", where)];
        throw new FormatException($"{where}: the object has neither \"labels\" (array) nor \"label\".");
    }

    static string? String(JsonElement root, string property, string where) =>
        root.TryGetProperty(property, out var value) ? Scalar(value, property, where) : null;

    /// <summary>Strings as they are; numbers (e.g. numeric ids or class labels) by their JSON text.</summary>
    static string Scalar(JsonElement value, string property, string where) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        _ => throw new FormatException($"{where}: \"{property}\" must be a string or a number, found {value.ValueKind}."),
    };
}
