using System.Diagnostics;
using System.Text.Json.Nodes;
using Doc2Hash.NotebookRunner.Documents;
using Doc2Hash.NotebookRunner.Parameters;
using Microsoft.DotNet.Interactive.Commands;

namespace Doc2Hash.NotebookRunner.Execution;

/// <summary>
/// Executes a notebook top to bottom in a fresh in-process kernel (<see cref="NotebookKernel"/>), with the notebook's
/// folder as working directory (so relative <c>#r</c> paths resolve as in Jupyter). Every code cell's outputs go
/// into a copy of the notebook, saved atomically after each cell; at the first failing cell execution stops, the
/// copy (with the error output) is saved and the failure is returned. Markdown cells are kept as they are.
/// </summary>
public static class NotebookExecutor
{
    public static async Task<NotebookRunResult> RunAsync(NotebookRunOptions options, TextWriter progress)
    {
        string name = Path.GetFileName(options.InputPath);
        var notebook = NotebookFile.Load(options.InputPath);
        ParameterInjector.Inject(notebook, options.Parameters, name);
        notebook.ClearOutputs();
        SetRunMetadata(notebook, options, elapsed: null);
        notebook.Save(options.OutputPath);
        if (!options.Execute) return new NotebookRunResult(name, options.OutputPath, [], TimeSpan.Zero, null);

        string previousDirectory = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Path.GetDirectoryName(Path.GetFullPath(options.InputPath))!);
        try
        {
            return await ExecuteAsync(notebook, name, options, progress);
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
        }
    }

    private static async Task<NotebookRunResult> ExecuteAsync(NotebookFile notebook, string name, NotebookRunOptions options, TextWriter progress)
    {
        var total = Stopwatch.StartNew();
        var timings = new List<CellTiming>();
        using var kernel = NotebookKernel.Create();
        int executionCount = 0;
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (!cell.IsCode) continue;
            int number = i + 1;
            progress.Write($"[{name}] cell {number}/{notebook.Cells.Count} {Shorten(cell.FirstLine)} ... ");
            progress.Flush();
            var watch = Stopwatch.StartNew();
            var collector = new CellOutputCollector(++executionCount);
            string? error = cell.KernelName == "csharp"
                ? await RunCellAsync(kernel, cell.Source, collector)
                : $"Cell kernel '{cell.KernelName}' is not supported by the runner; notebooks of this kit are C# only.";
            watch.Stop();
            cell.SetOutputs(collector.Outputs, executionCount);
            timings.Add(new CellTiming(number, cell.FirstLine, watch.Elapsed));
            progress.WriteLine(error is null ? $"{watch.Elapsed.TotalSeconds:F1} s" : $"FAILED after {watch.Elapsed.TotalSeconds:F1} s");
            SetRunMetadata(notebook, options, total.Elapsed);
            notebook.Save(options.OutputPath);
            if (error is not null)
                return new NotebookRunResult(name, options.OutputPath, timings, total.Elapsed, new CellFailure(number, notebook.Cells.Count, cell.FirstLine, error));
        }
        progress.WriteLine($"[{name}] {executionCount} code cells in {total.Elapsed.TotalSeconds:F1} s -> {options.OutputPath}");
        return new NotebookRunResult(name, options.OutputPath, timings, total.Elapsed, null);
    }

    private static async Task<string?> RunCellAsync(Microsoft.DotNet.Interactive.Kernel kernel, string source, CellOutputCollector collector)
    {
        if (string.IsNullOrWhiteSpace(source)) return null;
        var result = await kernel.SendAsync(new SubmitCode(source));
        collector.AddAll(result);
        return collector.Error;
    }

    /// <summary>Records how the copy was made (parameters, duration), as papermill does under metadata.papermill.</summary>
    private static void SetRunMetadata(NotebookFile notebook, NotebookRunOptions options, TimeSpan? elapsed)
    {
        var parameters = new JsonObject();
        foreach (var (key, value) in options.Parameters) parameters[key] = value;
        notebook.Metadata["doc2hash_runner"] = new JsonObject
        {
            ["input_path"] = Path.GetFileName(options.InputPath),
            ["parameters"] = parameters,
            ["duration_seconds"] = elapsed is null ? null : Math.Round(elapsed.Value.TotalSeconds, 1),
            ["status"] = options.Execute ? "executed" : "parameters injected, not executed",
        };
    }

    private static string Shorten(string line) =>
        line.Length <= 60 ? line : line[..57] + "...";
}
