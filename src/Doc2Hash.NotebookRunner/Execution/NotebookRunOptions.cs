namespace Doc2Hash.NotebookRunner.Execution;

/// <summary>What to run and where to write it.</summary>
/// <param name="InputPath">The notebook to execute (left unchanged).</param>
/// <param name="OutputPath">Where the executed copy goes (written atomically after every cell).</param>
/// <param name="Parameters">Values injected after the cell tagged <c>parameters</c> (name to command-line text).</param>
/// <param name="Execute">False only injects the parameters and writes the copy (for running it in another client).</param>
public sealed record NotebookRunOptions(
    string InputPath,
    string OutputPath,
    IReadOnlyDictionary<string, string> Parameters,
    bool Execute = true);
