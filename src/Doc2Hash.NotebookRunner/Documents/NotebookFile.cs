using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Doc2Hash.IO;

namespace Doc2Hash.NotebookRunner.Documents;

/// <summary>
/// An .ipynb notebook (nbformat 4) read and written as JSON. Reading normalises it to nbformat 4.5 with the
/// metadata VS Code and Jupyter both accept (<see cref="NotebookMetadata"/>) and a unique id on every cell, so an
/// executed copy opens in Jupyter, VS Code and GitHub alike; everything else in the file is kept as it was.
/// </summary>
public sealed class NotebookFile
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1, // Jupyter's own indentation, so executed copies diff cleanly against files Jupyter saved
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep HTML outputs readable (<table>, not \u003Ctable\u003E)
    };

    private readonly JsonObject _json;

    private NotebookFile(JsonObject json, List<NotebookCell> cells)
    {
        _json = json;
        Cells = cells;
    }

    public List<NotebookCell> Cells { get; }

    /// <summary>The notebook-level metadata object (kernelspec, language_info, ...).</summary>
    public JsonObject Metadata => (JsonObject)_json["metadata"]!;

    public static NotebookFile Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Notebook '{path}' does not exist.", path);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"Notebook '{path}' is not valid JSON ({e.Message}); repair it or restore it from git.");
        }
        return Parse(root as JsonObject ?? throw new NotebookFormatException($"Notebook '{path}' is not a JSON object."), path);
    }

    public static NotebookFile Parse(JsonObject json, string name)
    {
        int format = json["nbformat"]?.GetValue<int>() ?? 0;
        if (format != NotebookMetadata.Format)
            throw new NotebookFormatException(
                $"Notebook '{name}' has nbformat {format}; the runner reads nbformat 4 (open and save it in Jupyter or VS Code to upgrade it).");
        if (json["cells"] is not JsonArray cellArray)
            throw new NotebookFormatException($"Notebook '{name}' has no \"cells\" list.");
        var cells = cellArray.Select((c, i) => c as JsonObject
            ?? throw new NotebookFormatException($"Cell {i + 1} of notebook '{name}' is not a JSON object.")).Select(c => new NotebookCell(c)).ToList();
        var notebook = new NotebookFile(json, cells);
        notebook.Normalise();
        return notebook;
    }

    /// <summary>Inserts a new code cell (with the standard metadata, a fresh id and the given tags) at a position.</summary>
    public NotebookCell InsertCodeCell(int index, string source, params string[] tags)
    {
        var metadata = NotebookMetadata.CodeCell();
        metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        var cell = new NotebookCell(new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["id"] = UniqueId("injected-parameters"),
            ["metadata"] = metadata,
            ["outputs"] = new JsonArray(),
            ["source"] = NotebookCell.SplitLines(source),
        });
        Cells.Insert(index, cell);
        return cell;
    }

    /// <summary>Clears every code cell's outputs and execution count (the form notebooks are committed in).</summary>
    public void ClearOutputs()
    {
        foreach (var cell in Cells.Where(c => c.IsCode)) cell.SetOutputs([], null);
    }

    public string ToJson()
    {
        _json["cells"] = new JsonArray(Cells.Select(c => (JsonNode?)c.Json.DeepClone()).ToArray());
        return _json.ToJsonString(WriteOptions) + "\n";
    }

    /// <summary>Writes the notebook atomically: readers see the old file or the complete new one.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());

    private void Normalise()
    {
        _json["nbformat_minor"] = Math.Max(NotebookMetadata.FormatMinor, _json["nbformat_minor"]?.GetValue<int>() ?? 0);
        var metadata = _json["metadata"] as JsonObject ?? new JsonObject();
        _json["metadata"] = metadata;
        metadata["kernelspec"] = NotebookMetadata.Kernelspec();
        metadata["language_info"] = NotebookMetadata.LanguageInfo();
        metadata["polyglot_notebook"] = NotebookMetadata.PolyglotNotebook();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < Cells.Count; i++)
        {
            var cell = Cells[i].Json;
            cell.Remove("id", out var idNode);
            string? id = idNode?.GetValue<string>();
            // nbformat 4.5: 1-64 characters from [a-zA-Z0-9-_], unique in the notebook.
            if (id is null || !IsValidId(id) || !seen.Add(id)) seen.Add(id = UniqueId($"cell-{i + 1}", seen));
            cell["id"] = id;
            if (cell["metadata"] is not JsonObject) cell["metadata"] = new JsonObject();
            if (Cells[i].IsCode)
            {
                var cellMetadata = (JsonObject)cell["metadata"]!;
                foreach (var (key, value) in NotebookMetadata.CodeCell())
                    if (!cellMetadata.ContainsKey(key)) cellMetadata[key] = value!.DeepClone();
                if (cell["outputs"] is not JsonArray) cell["outputs"] = new JsonArray();
                if (!cell.ContainsKey("execution_count")) cell["execution_count"] = null;
            }
            else
            {
                cell.Remove("outputs");
                cell.Remove("execution_count");
            }
        }
    }

    private string UniqueId(string stem) => UniqueId(stem, Cells.Select(c => c.Id).OfType<string>().ToHashSet(StringComparer.Ordinal));

    private static string UniqueId(string stem, HashSet<string> taken)
    {
        string id = stem;
        for (int n = 2; taken.Contains(id); n++) id = $"{stem}-{n}";
        return id;
    }

    private static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
