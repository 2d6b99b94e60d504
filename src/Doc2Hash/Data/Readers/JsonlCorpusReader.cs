using System.Text;
using System.Text.Json;
using Doc2Hash.IO;

namespace Doc2Hash.Data.Readers;

/// <summary>
/// A user corpus as JSON Lines (UTF-8 unless another encoding is given): one object per line,
/// <c>{"text": "...", "labels": ["a", "b"]}</c> or <c>{"text": "...", "label": "a"}</c>, optional
/// <c>"split": "train"|"test"</c> and <c>"id"</c>. Blank lines are skipped.
/// </summary>
public static class JsonlCorpusReader
{
    /// <param name="encoding">The file's encoding; null: strict UTF-8 (<see cref="TextDecoding"/>).</param>
    public static RawCorpus Read(string path, UserCorpusSplit split, string? name = null, Encoding? encoding = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"User corpus file '{path}' does not exist.", path);
        var documents = new List<UserDocument>();
        foreach (var (number, line) in LineReader.Split(TextDecoding.DecodeDocument(File.ReadAllBytes(path), path, encoding)))
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
    /// <param name="encoding">The file's encoding; null: strict UTF-8 (<see cref="TextDecoding"/>).</param>
    public static IReadOnlyList<RawDocument> ReadDocuments(string path, Encoding? encoding = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Input file '{path}' does not exist.", path);
        var documents = new List<RawDocument>();
        foreach (var (number, line) in LineReader.Split(TextDecoding.DecodeDocument(File.ReadAllBytes(path), path, encoding)))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            string where = $"{path}, line {number}";
            var root = ParseObject(line, where);
            documents.Add(Guarded(where, () =>
            {
                bool labelled = root.TryGetProperty("labels", out _) || root.TryGetProperty("label", out _);
                return new RawDocument(Id(root, where, number), Text(root, where), labelled ? Labels(root, where) : []);
            }));
        }
        return documents;
    }

    static UserDocument ParseLine(string line, string where, int number)
    {
        var root = ParseObject(line, where);
        return Guarded(where, () =>
        {
            var split = UserCorpusBuilder.ParseSplit(String(root, "split", where), where);
            return new UserDocument(new RawDocument(Id(root, where, number), Text(root, where), Labels(root, where)), split, where);
        });
    }

    static string Text(JsonElement root, string where) =>
        String(root, "text", where) ?? throw new DataFormatException($"{where}: the object has no \"text\" string.");

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
            throw new DataFormatException($"{where}: not valid JSON ({error.Message}).", error);
        }
        if (root.ValueKind != JsonValueKind.Object) throw new DataFormatException($"{where}: expected a JSON object per line.");
        return root;
    }

    /// <summary>Reads one line's properties, turning a broken property-name escape into a located error.</summary>
    static T Guarded<T>(string where, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException error)
        {
            // A property name with a broken \u escape fails when properties are looked up by name (found by fuzzing).
            throw new DataFormatException($"{where}: a property name holds an invalid \\u escape (a lone UTF-16 surrogate): {error.Message} Fix or remove the escape.", error);
        }
    }

    static List<string> Labels(JsonElement root, string where)
    {
        if (root.TryGetProperty("labels", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array) throw new DataFormatException($"{where}: \"labels\" must be an array of strings.");
            return list.EnumerateArray().Select(item => Scalar(item, "labels", where)).Distinct(StringComparer.Ordinal).ToList();
        }
        if (root.TryGetProperty("label", out var single)) return [Scalar(single, "label", where)];
        throw new DataFormatException($"{where}: the object has neither \"labels\" (array) nor \"label\".");
    }

    static string? String(JsonElement root, string property, string where) =>
        root.TryGetProperty(property, out var value) ? Scalar(value, property, where) : null;

    /// <summary>Strings as they are; numbers (e.g. numeric ids or class labels) by their JSON text.</summary>
    static string Scalar(JsonElement value, string property, string where) => value.ValueKind switch
    {
        JsonValueKind.String => StringValue(value, property, where),
        JsonValueKind.Number => value.GetRawText(),
        _ => throw new DataFormatException($"{where}: \"{property}\" must be a string or a number, found {value.ValueKind}."),
    };

    /// <summary>A JSON string; an escape such as "\ud800" (half of a UTF-16 surrogate pair, alone) is no text.</summary>
    static string StringValue(JsonElement value, string property, string where)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException error)
        {
            throw new DataFormatException(
                $"{where}: \"{property}\" holds an invalid \\u escape (a lone UTF-16 surrogate such as \\ud800 without its pair): " +
                $"{error.Message} Fix or remove the escape.", error);
        }
    }
}
