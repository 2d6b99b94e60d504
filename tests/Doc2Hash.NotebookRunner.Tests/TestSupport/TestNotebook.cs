using System.Text.Json.Nodes;

namespace Doc2Hash.NotebookRunner.Tests.TestSupport;

/// <summary>Hand-made notebooks for the tests: written to a fresh temporary folder, deleted on dispose.</summary>
public sealed class TestNotebook : IDisposable
{
    public TestNotebook(params JsonObject[] cells)
    {
        Folder = Directory.CreateTempSubdirectory("doc2hash-notebook-test-").FullName;
        InputPath = Path.Combine(Folder, "test.ipynb");
        OutputPath = Path.Combine(Folder, "out", "test.ipynb");
        var notebook = new JsonObject
        {
            ["nbformat"] = 4,
            ["nbformat_minor"] = 2,
            ["metadata"] = new JsonObject(),
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode?)c).ToArray()),
        };
        File.WriteAllText(InputPath, notebook.ToJsonString());
    }

    public string Folder { get; }

    public string InputPath { get; }

    public string OutputPath { get; }

    public static JsonObject Code(string source, params string[] tags) => new()
    {
        ["cell_type"] = "code",
        ["metadata"] = new JsonObject { ["tags"] = new JsonArray(tags.Select(t => (JsonNode?)t).ToArray()) },
        ["source"] = source,
        ["outputs"] = new JsonArray(),
        ["execution_count"] = null,
    };

    public static JsonObject Markdown(string source) => new()
    {
        ["cell_type"] = "markdown",
        ["metadata"] = new JsonObject(),
        ["source"] = source,
    };

    /// <summary>The executed copy as JSON.</summary>
    public JsonObject ReadOutput() => (JsonObject)JsonNode.Parse(File.ReadAllText(OutputPath))!;

    /// <summary>The outputs of the cell at a 0-based position of the executed copy.</summary>
    public JsonArray OutputsOf(int cellIndex) => (JsonArray)ReadOutput()["cells"]![cellIndex]!["outputs"]!;

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
