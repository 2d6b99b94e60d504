using System.Text.Json.Nodes;
using Doc2Hash.NotebookRunner.Documents;
using Doc2Hash.NotebookRunner.Tests.TestSupport;

namespace Doc2Hash.NotebookRunner.Tests.Documents;

public class NotebookFileTests
{
    [Fact]
    public void Loading_normalises_to_nbformat_4_5_with_the_metadata_VS_Code_and_Jupyter_accept()
    {
        var code = TestNotebook.Code("1 + 1");
        code["id"] = "same";
        var duplicate = TestNotebook.Code("2 + 2");
        duplicate["id"] = "same";
        var markdown = TestNotebook.Markdown("# Title");
        markdown["outputs"] = new JsonArray(); // invalid on a markdown cell
        using var file = new TestNotebook(markdown, code, duplicate, TestNotebook.Code("bad id", []) .Also(c => c["id"] = "has space"));

        var json = JsonNode.Parse(NotebookFile.Load(file.InputPath).ToJson())!;

        Assert.Equal(4, (int)json["nbformat"]!);
        Assert.Equal(5, (int)json["nbformat_minor"]!);
        Assert.Equal(".net-csharp", (string?)json["metadata"]!["kernelspec"]!["name"]);
        Assert.Equal("polyglot-notebook", (string?)json["metadata"]!["language_info"]!["name"]);
        Assert.Equal("csharp", (string?)json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        var cells = json["cells"]!.AsArray();
        var ids = cells.Select(c => (string)c!["id"]!).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal("same", ids[1]); // a valid, unique id is kept
        Assert.All(ids, id => Assert.Matches("^[a-zA-Z0-9_-]{1,64}$", id));
        Assert.Null(cells[0]!["outputs"]);
        Assert.Equal("csharp", (string?)cells[1]!["metadata"]!["polyglot_notebook"]!["kernelName"]);
        Assert.Equal("csharp", (string?)cells[1]!["metadata"]!["dotnet_interactive"]!["language"]);
    }

    [Fact]
    public void Source_lines_are_stored_as_Jupyter_does_and_read_back_whole()
    {
        Assert.Equal(new[] { "a\n", "b\n", "c" }, NotebookCell.SplitLines("a\nb\nc").Select(n => (string)n!));
        Assert.Equal(new[] { "a\n" }, NotebookCell.SplitLines("a\n").Select(n => (string)n!));
        Assert.Empty(NotebookCell.SplitLines(""));

        var cell = new NotebookCell(new JsonObject { ["source"] = new JsonArray("int x = 1;\n", "x") });
        Assert.Equal("int x = 1;\nx", cell.Source);
        Assert.Equal("int x = 1;", cell.FirstLine);
    }

    [Fact]
    public void A_file_that_is_not_nbformat_4_is_rejected_with_how_to_fix_it()
    {
        using var file = new TestNotebook();
        File.WriteAllText(file.InputPath, "{\"nbformat\": 3, \"cells\": []}");
        var error = Assert.Throws<NotebookFormatException>(() => NotebookFile.Load(file.InputPath));
        Assert.Contains("nbformat 3", error.Message);
        File.WriteAllText(file.InputPath, "{not json");
        Assert.Contains("not valid JSON", Assert.Throws<NotebookFormatException>(() => NotebookFile.Load(file.InputPath)).Message);
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject value, Action<JsonObject> change)
    {
        change(value);
        return value;
    }
}
