namespace Doc2Hash.NotebookRunner.Execution;

/// <summary>The first cell that failed: its 1-based position among all cells of the executed copy, and why.</summary>
public sealed record CellFailure(int CellNumber, int CellCount, string FirstLine, string Error)
{
    public string Describe(string notebook) =>
        $"Notebook {notebook} failed at cell {CellNumber}/{CellCount} ({FirstLine}):\n{Error}";
}
