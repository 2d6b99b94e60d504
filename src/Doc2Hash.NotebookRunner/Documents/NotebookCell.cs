using System.Text.Json.Nodes;

namespace Doc2Hash.NotebookRunner.Documents;

/// <summary>
/// One cell of an .ipynb file, kept as its JSON object so that everything the runner does not touch (metadata
/// written by Jupyter or VS Code, attachments) survives a round trip unchanged.
/// </summary>
public sealed class NotebookCell(JsonObject json)
{
    public JsonObject Json { get; } = json;

    public string CellType => Json["cell_type"]?.GetValue<string>() ?? "code";

    public bool IsCode => CellType == "code";

    /// <summary>The cell's text; nbformat stores it either as one string or as a list of lines.</summary>
    public string Source
    {
        get => Json["source"] switch
        {
            JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
            JsonValue text => text.GetValue<string>(),
            _ => "",
        };
        set => Json["source"] = SplitLines(value);
    }

    /// <summary>The first non-empty line, for progress and error messages.</summary>
    public string FirstLine =>
        Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(empty cell)";

    public IReadOnlyList<string> Tags =>
        (Json["metadata"]?["tags"] as JsonArray)?.Select(t => t?.GetValue<string>() ?? "").ToArray() ?? [];

    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    /// <summary>The .NET Interactive kernel a code cell is meant for (csharp unless the metadata says otherwise).</summary>
    public string KernelName =>
        Json["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
        ?? Json["metadata"]?["dotnet_interactive"]?["language"]?.GetValue<string>()
        ?? "csharp";

    public string? Id => Json["id"]?.GetValue<string>();

    /// <summary>Replaces the outputs and execution count of a code cell (nbformat requires both keys on code cells).</summary>
    public void SetOutputs(JsonArray outputs, int? executionCount)
    {
        Json["outputs"] = outputs;
        Json["execution_count"] = executionCount;
    }

    /// <summary>Jupyter's own layout: a list of lines, each but the last keeping its newline.</summary>
    public static JsonArray SplitLines(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }
}
