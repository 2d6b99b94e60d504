namespace Doc2Hash.NotebookRunner.Execution;

/// <summary>How long one code cell took (its 1-based position among all cells, its first line).</summary>
public sealed record CellTiming(int CellNumber, string FirstLine, TimeSpan Elapsed);
