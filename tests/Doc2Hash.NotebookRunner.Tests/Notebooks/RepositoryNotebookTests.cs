using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Doc2Hash.NotebookRunner.Tests.TestSupport;

namespace Doc2Hash.NotebookRunner.Tests.Notebooks;

/// <summary>
/// The kit's own notebooks (found by glob, so each new notebook is covered when it lands): committed without
/// outputs and with the metadata both clients accept, NuGet references pinned like the rest of the kit, and every
/// one runs top to bottom in the quick profile through the runner; a cell error fails the test.
/// </summary>
[Collection(NotebookProcesses.Name)]
public partial class RepositoryNotebookTests
{
    public static TheoryData<string> NotebookNames() => [.. Repository.Notebooks().Select(Path.GetFileName).OfType<string>()];

    private static JsonObject Read(string name) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.NotebooksFolder, name)))!;

    [Theory]
    [MemberData(nameof(NotebookNames))]
    public void Is_committed_without_outputs_with_a_parameters_cell_and_the_standard_metadata(string name)
    {
        var notebook = Read(name);
        Assert.Equal(4, (int)notebook["nbformat"]!);
        Assert.True((int)notebook["nbformat_minor"]! >= 5, "nbformat 4.5 or later (cell ids)");
        Assert.Equal(".net-csharp", (string?)notebook["metadata"]!["kernelspec"]!["name"]);
        Assert.Equal("polyglot-notebook", (string?)notebook["metadata"]!["language_info"]!["name"]);
        var cells = notebook["cells"]!.AsArray().Select(c => c!.AsObject()).ToArray();
        Assert.All(cells, c => Assert.False(string.IsNullOrEmpty((string?)c["id"]), "every cell has an id"));
        var code = cells.Where(c => (string?)c["cell_type"] == "code").ToArray();
        Assert.All(code, c => Assert.Empty(c["outputs"]!.AsArray()));
        Assert.All(code, c => Assert.Null(c["execution_count"]));
        Assert.Single(code, c => c["metadata"]?["tags"]?.AsArray().Any(t => (string?)t == "parameters") == true);
        Assert.Equal("#load \"kit.csx\"", Source(code[0]).Trim()); // the build step comes before any #r
    }

    [Theory]
    [MemberData(nameof(NotebookNames))]
    public void References_NuGet_packages_at_the_versions_the_kit_pins(string name)
    {
        var pinned = XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion").ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);
        var cells = Read(name)["cells"]!.AsArray().Select(c => Source(c!.AsObject()));
        foreach (Match reference in cells.SelectMany(s => NugetReference().Matches(s)))
        {
            string package = reference.Groups["name"].Value, version = reference.Groups["version"].Value;
            Assert.True(pinned.TryGetValue(package, out var expected), $"{name} references {package}, which Directory.Packages.props does not pin");
            Assert.True(expected == version, $"{name} references {package} {version}; the kit pins {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(NotebookNames))]
    public void Names_the_run_folder_only_in_its_parameters_cell(string name)
    {
        // A run folder hard-coded in a code cell could not be redirected, and the quick runs below would land in the
        // clone's runs/, where `doc2hash report` merges them with the committed records.
        var code = Read(name)["cells"]!.AsArray().Select(c => c!.AsObject()).Where(c => (string?)c["cell_type"] == "code").ToArray();
        foreach (var cell in code.Where(c => !IsParameters(c)))
            Assert.DoesNotContain("\"../runs", Source(cell));
        if (code.Any(c => Source(c).Contains("runsDirectory", StringComparison.Ordinal)))
            Assert.Contains(code, c => IsParameters(c) && RunsParameter().IsMatch(Source(c)));
    }

    [Theory]
    [MemberData(nameof(NotebookNames))]
    public void Runs_top_to_bottom_in_the_quick_profile(string name)
    {
        string folder = Directory.CreateTempSubdirectory("doc2hash-notebooks-").FullName;
        string output = Path.Combine(folder, name);
        List<string> arguments = [Repository.RunnerDll, Path.Combine(Repository.NotebooksFolder, name), "--output", output, "--profile", "quick"];
        // Run folders go to a temporary folder, never the clone's runs/.
        if (Read(name)["cells"]!.AsArray().Any(c => IsParameters(c!.AsObject()) && RunsParameter().IsMatch(Source(c!.AsObject()))))
            arguments.AddRange(["-p", "runsDirectory=" + Path.Combine(folder, "runs")]);
        var run = ProcessRun.Start("dotnet", [.. arguments], timeout: TimeSpan.FromMinutes(15));
        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.DoesNotContain(ExecutedOutputs(output), o => (string?)o["output_type"] == "error");
    }

    private static bool IsParameters(JsonObject cell) => cell["metadata"]?["tags"]?.AsArray().Any(t => (string?)t == "parameters") == true;

    internal static IEnumerable<JsonObject> ExecutedOutputs(string path) =>
        ((JsonObject)JsonNode.Parse(File.ReadAllText(path))!)["cells"]!.AsArray()
            .SelectMany(c => c!["outputs"]?.AsArray() ?? []).Select(o => o!.AsObject());

    private static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        var text => (string?)text ?? "",
    };

    [GeneratedRegex(@"^\s*string\s+runsDirectory\s*=", RegexOptions.Multiline)]
    private static partial Regex RunsParameter();

    [GeneratedRegex(@"^\s*#r\s+""nuget:\s*(?<name>[^,""\s]+)\s*,\s*(?<version>[^""\s]+)\s*""", RegexOptions.Multiline)]
    private static partial Regex NugetReference();
}
