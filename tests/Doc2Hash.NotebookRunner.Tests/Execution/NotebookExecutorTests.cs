using System.Text.Json.Nodes;
using Doc2Hash.NotebookRunner.Execution;
using Doc2Hash.NotebookRunner.Tests.TestSupport;

namespace Doc2Hash.NotebookRunner.Tests.Execution;

/// <summary>Runs small notebooks through the in-process kernel (a few seconds each: the C# kernel compiles every cell).</summary>
[Collection(NotebookProcesses.Name)]
public class NotebookExecutorTests
{
    private static readonly Dictionary<string, string> NoParameters = [];

    private static NotebookRunResult Run(TestNotebook notebook, IReadOnlyDictionary<string, string>? parameters = null) =>
        NotebookExecutor.RunAsync(new NotebookRunOptions(notebook.InputPath, notebook.OutputPath, parameters ?? NoParameters), TextWriter.Null)
            .GetAwaiter().GetResult();

    private static string Text(JsonNode? lines) => lines is JsonArray array ? string.Concat(array.Select(l => (string)l!)) : (string?)lines ?? "";

    [Fact]
    public void Writes_every_output_kind_and_runs_with_the_injected_parameters()
    {
        using var notebook = new TestNotebook(
            TestNotebook.Markdown("# Outputs"),
            TestNotebook.Code("string profile = \"paper\";\nint epochs = 30;", "parameters"),
            TestNotebook.Code("Console.WriteLine($\"{profile} {epochs} {System.IO.Directory.GetCurrentDirectory()}\");"),
            TestNotebook.Code("display(HTML(\"<b>bold</b>\"));\n6 * 7"),
            TestNotebook.Code(
                "using Microsoft.DotNet.Interactive.Formatting;\n" +
                "public record Png(byte[] Bytes);\n" +
                "Formatter.Register<Png>((png, writer) => writer.Write(Convert.ToBase64String(png.Bytes)), \"image/png\");\n" +
                "Formatter.SetPreferredMimeTypesFor(typeof(Png), \"image/png\");\n" +
                "display(new Png(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));"));

        var result = Run(notebook, new Dictionary<string, string> { ["profile"] = "quick" });

        Assert.True(result.Succeeded, result.Failure?.Error);
        Assert.Equal(new[] { 2, 3, 4, 5, 6 }, result.Timings.Select(t => t.CellNumber)); // cell 3 is the injected one
        var executed = notebook.ReadOutput();
        Assert.Equal("injected-parameters", (string?)executed["cells"]![2]!["metadata"]!["tags"]![0]);
        // stdout, with the injected profile, the default epochs, and the notebook's folder as working directory
        var stdout = notebook.OutputsOf(3).Single()!;
        Assert.Equal("stream", (string?)stdout["output_type"]);
        Assert.Equal($"quick 30 {notebook.Folder}\n", Text(stdout["text"]));
        // a displayed HTML value, then the cell's value with its execution count
        var outputs = notebook.OutputsOf(4);
        Assert.Equal("<b>bold</b>", Text(outputs[0]!["data"]!["text/html"]));
        Assert.Equal("execute_result", (string?)outputs[1]!["output_type"]);
        Assert.Contains("42", Text(outputs[1]!["data"]!.AsObject().First().Value));
        Assert.Equal((int)executed["cells"]![4]!["execution_count"]!, (int)outputs[1]!["execution_count"]!);
        // an image is embedded as image/png base64 (what GitHub and Jupyter render)
        var image = notebook.OutputsOf(5).Single()!;
        Assert.Equal("display_data", (string?)image["output_type"]);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, Convert.FromBase64String((string)image["data"]!["image/png"]!));
        Assert.Equal("executed", (string?)executed["metadata"]!["doc2hash_runner"]!["status"]);
    }

    [Fact]
    public void Stops_at_the_first_failing_cell_naming_its_number_first_line_and_error()
    {
        using var notebook = new TestNotebook(
            TestNotebook.Code("Console.WriteLine(\"before\");"),
            TestNotebook.Markdown("text"),
            TestNotebook.Code("// load the data\nthrow new InvalidOperationException(\"no data here\");"),
            TestNotebook.Code("Console.WriteLine(\"after\");"));

        var result = Run(notebook);

        var failure = Assert.IsType<CellFailure>(result.Failure);
        Assert.Equal(3, failure.CellNumber);
        Assert.Equal(4, failure.CellCount);
        Assert.Equal("// load the data", failure.FirstLine);
        Assert.Contains("no data here", failure.Error);
        Assert.StartsWith("Notebook test.ipynb failed at cell 3/4 (// load the data):", failure.Describe("test.ipynb"));
        // The copy is written up to the failure, with the error output; later cells are not run.
        Assert.Equal("error", (string?)notebook.OutputsOf(2).Single()!["output_type"]);
        Assert.Empty(notebook.OutputsOf(3));
        Assert.Equal("before\n", Text(notebook.OutputsOf(0).Single()!["text"]));
    }

    [Fact]
    public void A_compile_error_is_a_failure_too()
    {
        using var notebook = new TestNotebook(TestNotebook.Code("int x = \"text\";"));
        var failure = Run(notebook).Failure!;
        Assert.Contains("CS0029", failure.Error);
        Assert.Equal("CompilationError", (string?)notebook.OutputsOf(0).Single()!["ename"]);
    }
}
