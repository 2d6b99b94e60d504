using Doc2Hash.NotebookRunner.Documents;

namespace Doc2Hash.NotebookRunner.Parameters;

/// <summary>
/// papermill's convention in C#: values given on the command line are assigned in a new code cell, tagged
/// <c>injected-parameters</c>, placed right after the cell tagged <c>parameters</c>; the notebook's defaults stay
/// visible above it. A notebook executed before keeps one injected cell (the old one is replaced).
/// </summary>
public static class ParameterInjector
{
    public static void Inject(NotebookFile notebook, IReadOnlyDictionary<string, string> values, string notebookName)
    {
        notebook.Cells.RemoveAll(c => c.HasTag(ParametersCell.InjectedTag));
        if (values.Count == 0) return;
        int index = notebook.Cells.FindIndex(c => c.IsCode && c.HasTag(ParametersCell.Tag));
        if (index < 0)
            throw new ParameterException(
                $"Notebook '{notebookName}' has no code cell tagged \"{ParametersCell.Tag}\", so parameters ({string.Join(", ", values.Keys)}) " +
                "cannot be injected. Tag the cell that declares the defaults (Jupyter: View > Cell toolbar > Tags; VS Code: the cell's ... menu > Add Cell Tag).");
        notebook.InsertCodeCell(index + 1, Source(notebook.Cells[index].Source, values, notebookName), ParametersCell.InjectedTag);
    }

    /// <summary>The injected cell's code: one assignment per value, in the order of the declarations.</summary>
    public static string Source(string parametersSource, IReadOnlyDictionary<string, string> values, string notebookName)
    {
        var declared = ParametersCell.Declarations(parametersSource);
        var unknown = values.Keys.Where(k => declared.All(d => d.Name != k)).ToArray();
        if (unknown.Length > 0)
            throw new ParameterException(
                $"Notebook '{notebookName}' declares no parameter {string.Join(", ", unknown.Select(u => $"'{u}'"))}; " +
                $"its parameters cell declares {(declared.Count == 0 ? "nothing" : string.Join(", ", declared.Select(d => $"{d.Type} {d.Name}")))}.");
        var lines = declared.Where(d => values.ContainsKey(d.Name))
            .Select(d => $"{d.Name} = {ParameterValueFormatter.Format(d, values[d.Name])};");
        return "// Injected parameters (doc2hash notebooks run)\n" + string.Join("\n", lines);
    }
}
