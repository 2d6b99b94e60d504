using Doc2Hash.NotebookRunner.Tests.TestSupport;

namespace Doc2Hash.NotebookRunner.Tests.Execution;

/// <summary>The runner as a process: exit codes and messages that CI and `doc2hash notebooks run` rely on.</summary>
[Collection(NotebookProcesses.Name)]
public class RunnerProcessTests
{
    private static ProcessRun Runner(params string[] arguments) => ProcessRun.Start("dotnet", [Repository.RunnerDll, .. arguments]);

    [Fact]
    public void A_failing_cell_exits_non_zero_naming_notebook_cell_and_error()
    {
        using var notebook = new TestNotebook(
            TestNotebook.Code("var ok = 1;"),
            TestNotebook.Code("var broken = ok / 0;"));
        var run = Runner(notebook.InputPath, "--output", notebook.OutputPath);

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Contains("Notebook test.ipynb failed at cell 2/2 (var broken = ok / 0;)", run.Error);
        Assert.Contains("DivideByZeroException", run.Error);
        Assert.Contains("[test.ipynb] cell 1/2 var ok = 1; ...", run.Output);
        Assert.True(File.Exists(notebook.OutputPath));
    }

    [Fact]
    public void A_bad_parameter_exits_2_before_running_anything()
    {
        using var notebook = new TestNotebook(TestNotebook.Code("int epochs = 3;", "parameters"));
        var run = Runner(notebook.InputPath, "--output", notebook.OutputPath, "-p", "epochs=many");
        Assert.True(run.ExitCode == 2, run.Describe());
        Assert.Contains("'epochs' is declared int", run.Error);
    }

    [Fact]
    public void All_cells_passing_exits_0_and_no_execute_only_injects()
    {
        using var notebook = new TestNotebook(TestNotebook.Code("string profile = \"paper\";", "parameters"), TestNotebook.Code("profile"));
        var run = Runner(notebook.InputPath, "--output", notebook.OutputPath, "--profile", "quick");
        Assert.True(run.ExitCode == 0, run.Describe());

        var prepared = Runner(notebook.InputPath, "--output", notebook.OutputPath, "--profile", "quick", "--no-execute");
        Assert.True(prepared.ExitCode == 0, prepared.Describe());
        var cells = notebook.ReadOutput()["cells"]!.AsArray();
        Assert.Equal(3, cells.Count);
        Assert.All(cells, c => Assert.Empty(c!["outputs"]!.AsArray()));
    }
}
