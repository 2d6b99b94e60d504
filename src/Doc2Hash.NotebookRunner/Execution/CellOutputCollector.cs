using System.Text.Json;
using System.Text.Json.Nodes;
using Doc2Hash.NotebookRunner.Documents;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Doc2Hash.NotebookRunner.Execution;

/// <summary>
/// Turns the kernel events of one cell into nbformat 4 outputs, as Jupyter would have saved them: console text as
/// <c>stream</c> outputs (consecutive writes merged), <c>display(...)</c> as <c>display_data</c> (updated in place
/// when the kernel updates a displayed value, e.g. the NuGet install progress), the cell's last expression as
/// <c>execute_result</c>, and a failure as an <c>error</c> output.
/// </summary>
public sealed class CellOutputCollector(int executionCount)
{
    private readonly JsonArray _outputs = [];
    private readonly Dictionary<string, JsonObject> _displays = new(StringComparer.Ordinal);

    public JsonArray Outputs => _outputs;

    /// <summary>The failure message, if the cell failed.</summary>
    public string? Error { get; private set; }

    public void AddAll(KernelCommandResult result)
    {
        foreach (var kernelEvent in result.Events) Add(kernelEvent);
    }

    public void Add(KernelEvent kernelEvent)
    {
        switch (kernelEvent)
        {
            case StandardOutputValueProduced output: AddStream("stdout", PlainText(output.FormattedValues)); break;
            case StandardErrorValueProduced output: AddStream("stderr", PlainText(output.FormattedValues)); break;
            case DisplayedValueUpdated updated when updated.ValueId is not null && _displays.TryGetValue(updated.ValueId, out var shown):
                shown["data"] = MimeBundle(updated.FormattedValues);
                break;
            case ReturnValueProduced returned:
                _outputs.Add(new JsonObject
                {
                    ["output_type"] = "execute_result",
                    ["data"] = MimeBundle(returned.FormattedValues),
                    ["metadata"] = new JsonObject(),
                    ["execution_count"] = executionCount,
                });
                break;
            case ErrorProduced error: AddStream("stderr", error.Message + "\n"); break;
            case DisplayEvent display: AddDisplay(display); break;
            case CommandFailed failed: AddError(failed); break;
        }
    }

    private void AddDisplay(DisplayEvent display)
    {
        var output = new JsonObject
        {
            ["output_type"] = "display_data",
            ["data"] = MimeBundle(display.FormattedValues),
            ["metadata"] = new JsonObject(),
        };
        _outputs.Add(output);
        if (display.ValueId is not null) _displays[display.ValueId] = output;
    }

    private void AddStream(string name, string text)
    {
        if (text.Length == 0) return;
        if (_outputs.Count > 0 && _outputs[^1] is JsonObject last && (string?)last["output_type"] == "stream" && (string?)last["name"] == name)
        {
            string previous = string.Concat(((JsonArray)last["text"]!).Select(l => l!.GetValue<string>()));
            last["text"] = NotebookCell.SplitLines(previous + text);
            return;
        }
        _outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = NotebookCell.SplitLines(text) });
    }

    private void AddError(CommandFailed failed)
    {
        Error = failed.Message;
        string name = failed.Exception switch
        {
            null => "Error",
            CodeSubmissionCompilationErrorException => "CompilationError",
            var e => e.GetType().Name,
        };
        _outputs.Add(new JsonObject
        {
            ["output_type"] = "error",
            ["ename"] = name,
            ["evalue"] = failed.Message,
            ["traceback"] = new JsonArray(failed.Message.Split('\n').Select(l => (JsonNode?)JsonValue.Create(l.TrimEnd('\r'))).ToArray()),
        });
    }

    private static string PlainText(IReadOnlyCollection<FormattedValue> values) =>
        values.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? values.FirstOrDefault()?.Value ?? "";

    /// <summary>
    /// nbformat's mime bundle: text as a list of lines, JSON types as JSON, and images as bare base64 (a data URI
    /// prefix, if a formatter wrote one, is removed), which is what Jupyter, VS Code and GitHub render.
    /// </summary>
    public static JsonObject MimeBundle(IEnumerable<FormattedValue> values)
    {
        var bundle = new JsonObject();
        foreach (var value in values.Where(v => !v.SuppressDisplay))
        {
            bundle[value.MimeType] = value.MimeType switch
            {
                var m when m.StartsWith("image/", StringComparison.Ordinal) && m != "image/svg+xml" => Base64(value.Value),
                var m when m == "application/json" || m.EndsWith("+json", StringComparison.Ordinal) => ParseJson(value.Value),
                _ => NotebookCell.SplitLines(value.Value),
            };
        }
        return bundle;
    }

    private static JsonNode Base64(string value)
    {
        int comma = value.StartsWith("data:", StringComparison.Ordinal) ? value.IndexOf(',') : -1;
        return JsonValue.Create(string.Concat(value[(comma + 1)..].Where(c => !char.IsWhiteSpace(c))));
    }

    private static JsonNode? ParseJson(string value)
    {
        try
        {
            return JsonNode.Parse(value);
        }
        catch (JsonException)
        {
            return JsonValue.Create(value);
        }
    }
}
