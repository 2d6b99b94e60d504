using System.Text.Json.Nodes;
using Doc2Hash.Data.Acquisition;
using Doc2Hash.Experiments.Study;

namespace Doc2Hash.Tests.Notebooks;

/// <summary>Notebook 06 shows every ablation of the study catalog, each in its own section.</summary>
public class AblationNotebookTests
{
    [Fact]
    public void Notebook_06_has_a_section_and_a_ShowAblation_cell_for_every_catalog_ablation()
    {
        string root = DataDirectories.FindRepositoryRoot() ?? throw new InvalidOperationException("No repository root.");
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "notebooks", "06-ablations.ipynb")))!;
        var sources = notebook["cells"]!.AsArray().Select(c => string.Concat(c!["source"]!.AsArray().Select(l => l!.GetValue<string>()))).ToList();
        foreach (var ablation in StudyCatalog.Ablations)
        {
            Assert.Contains(sources, s => s.StartsWith($"## `{ablation.Name}`", StringComparison.Ordinal));
            Assert.Contains(sources, s => s.Trim() == $"ShowAblation(\"{ablation.Name}\");");
        }
    }
}
