using System.Text.Json.Nodes;
using Doc2Hash.NotebookRunner.Execution;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Doc2Hash.NotebookRunner.Tests.Execution;

public class CellOutputCollectorTests
{
    private static readonly SubmitCode Command = new("x");

    private static FormattedValue[] Text(string text) => [new FormattedValue("text/plain", text)];

    [Fact]
    public void Consecutive_console_writes_become_one_stream_output_per_stream()
    {
        var collector = new CellOutputCollector(executionCount: 1);
        collector.Add(new StandardOutputValueProduced(Command, Text("a\n")));
        collector.Add(new StandardOutputValueProduced(Command, Text("b\n")));
        collector.Add(new StandardErrorValueProduced(Command, Text("warn\n")));
        collector.Add(new StandardOutputValueProduced(Command, Text("c")));

        var outputs = collector.Outputs.Select(o => ((string)o!["name"]!, string.Concat(o!["text"]!.AsArray().Select(l => (string)l!)))).ToArray();
        Assert.Equal(new[] { ("stdout", "a\nb\n"), ("stderr", "warn\n"), ("stdout", "c") }, outputs);
    }

    [Fact]
    public void A_display_updated_by_the_kernel_is_replaced_in_place()
    {
        var collector = new CellOutputCollector(1);
        collector.Add(new DisplayedValueProduced("v", Command, [new FormattedValue("text/html", "<b>Installing</b>")], valueId: "id1"));
        collector.Add(new DisplayedValueUpdated("v", "id1", Command, [new FormattedValue("text/html", "<b>Installed</b>")]));

        var output = Assert.Single(collector.Outputs)!;
        Assert.Equal("display_data", (string?)output["output_type"]);
        Assert.Equal("<b>Installed</b>", (string?)output["data"]!["text/html"]![0]);
    }

    [Fact]
    public void Images_are_bare_base64_and_json_is_json()
    {
        var bundle = CellOutputCollector.MimeBundle([
            new FormattedValue("image/png", "data:image/png;base64,iVBO\nRw0K"),
            new FormattedValue("application/json", "{\"a\": 1}"),
            new FormattedValue("text/plain", "line1\nline2"),
        ]);
        Assert.Equal("iVBORw0K", (string?)bundle["image/png"]);
        Assert.Equal(1, (int)bundle["application/json"]!["a"]!);
        Assert.Equal(new[] { "line1\n", "line2" }, bundle["text/plain"]!.AsArray().Select(l => (string)l!));
    }

    [Fact]
    public void A_return_value_carries_the_execution_count_and_a_failure_becomes_an_error_output()
    {
        var collector = new CellOutputCollector(7);
        collector.Add(new ReturnValueProduced(2, Command, [new FormattedValue("text/plain", "2")]));
        collector.Add(new CommandFailed("(1,1): error CS0103: The name 'y' does not exist", Command));

        Assert.Equal(7, (int)collector.Outputs[0]!["execution_count"]!);
        var error = collector.Outputs[1]!;
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Contains("CS0103", (string?)error["evalue"]);
        Assert.Contains("CS0103", collector.Error);
    }
}
