namespace Doc2Hash.NotebookRunner.Execution;

/// <summary>The outcome of one notebook: where the executed copy is, per-cell times, and the failure if any.</summary>
public sealed record NotebookRunResult(
    string Notebook,
    string OutputPath,
    IReadOnlyList<CellTiming> Timings,
    TimeSpan Elapsed,
    CellFailure? Failure)
{
    public bool Succeeded => Failure is null;
}
