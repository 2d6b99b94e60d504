namespace Doc2Hash.NotebookRunner.Tests.TestSupport;

/// <summary>
/// Tests that execute notebooks share this collection so they run one at a time: each one compiles C# cells or
/// starts kernels, and the machine's cores are few. (xunit runs different collections in parallel.)
/// </summary>
[CollectionDefinition(Name)]
public sealed class NotebookProcesses
{
    public const string Name = "notebook processes";
}
