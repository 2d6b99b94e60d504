using Doc2Hash.NotebookRunner.Tests.TestSupport;

namespace Doc2Hash.NotebookRunner.Tests.Notebooks;

/// <summary>
/// Notebooks 01 and 02 (when present) run top to bottom in real Jupyter: Debian's nbconvert with the .NET
/// Interactive kernel that scripts/setup-machine.sh installs (test.sh runs it first). The quick profile is injected
/// by the runner (--no-execute) into a copy next to the notebook, so relative paths (kit.csx, the kit's DLLs)
/// resolve as for the original; the copy is removed afterwards.
/// </summary>
[Collection(NotebookProcesses.Name)]
public class JupyterNotebookTests
{
    private const string Jupyter = "/usr/bin/jupyter"; // Debian's, explicitly: another python3 (pyenv) may come first on PATH

    public static TheoryData<string> NotebookNames() =>
        [.. Repository.Notebooks().Select(Path.GetFileName).OfType<string>().Where(n => n.StartsWith("01-", StringComparison.Ordinal) || n.StartsWith("02-", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(NotebookNames))]
    public void Runs_top_to_bottom_in_Jupyter_in_the_quick_profile(string name)
    {
        Assert.True(File.Exists(Jupyter), $"{Jupyter} is missing; run scripts/setup-machine.sh (test.sh does) to install Jupyter and the .NET kernel.");
        string prepared = Path.Combine(Repository.NotebooksFolder, $".ci-{Guid.NewGuid():N}-{name}");
        string output = Path.Combine(Directory.CreateTempSubdirectory("doc2hash-jupyter-").FullName, name);
        try
        {
            var inject = ProcessRun.Start("dotnet", [Repository.RunnerDll, Path.Combine(Repository.NotebooksFolder, name), "--output", prepared, "--profile", "quick", "--no-execute"]);
            Assert.True(inject.ExitCode == 0, inject.Describe());
            var run = ProcessRun.Start(Jupyter,
                ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=1200", "--ExecutePreprocessor.kernel_name=.net-csharp", prepared, "--output", output],
                workingDirectory: Repository.NotebooksFolder, timeout: TimeSpan.FromMinutes(20));
            Assert.True(run.ExitCode == 0, run.Describe());
            Assert.DoesNotContain(RepositoryNotebookTests.ExecutedOutputs(output), o => (string?)o["output_type"] == "error");
        }
        finally
        {
            File.Delete(prepared);
        }
    }
}
