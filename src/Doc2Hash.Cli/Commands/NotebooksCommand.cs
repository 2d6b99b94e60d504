using System.CommandLine;
using System.Diagnostics;
using Doc2Hash.Data.Acquisition;

namespace Doc2Hash.Cli.Commands;

/// <summary>
/// `doc2hash notebooks run [names...] [--profile quick|paper] [-p name=value ...]`: executes the numbered notebooks
/// top to bottom and writes executed copies to results/notebooks/. Each notebook runs in its own runner process
/// (src/Doc2Hash.NotebookRunner): the runner does not load the kit itself, the notebook does with #r, exactly as
/// in Jupyter, so the kit's assemblies are loaded once and from the path the notebook names.
/// </summary>
internal static class NotebooksCommand
{
    public static Command Create()
    {
        var command = new Command("notebooks", "Run the notebooks under notebooks/ (executed copies go to results/notebooks/).");
        command.Subcommands.Add(Run());
        command.Subcommands.Add(List());
        return command;
    }

    private static Command Run()
    {
        var names = new Argument<string[]>("names") { Description = "Notebooks by number or name (01, 01-data-and-tfidf, a path); none: all of them in order.", Arity = ArgumentArity.ZeroOrMore };
        var profile = new Option<string?>("--profile") { Description = "quick (few epochs, same code paths; CI) or paper (the paper's settings). Default: each notebook's own." };
        profile.AcceptOnlyFromAmong("quick", "paper");
        var parameters = new Option<string[]>("--parameter", "-p") { Description = "name=value assigned after the cell tagged 'parameters' (repeatable)." };
        var output = new Option<string?>("--out-dir") { Description = "Folder for the executed copies (default: results/notebooks)." };
        var command = new Command("run", "Execute notebooks top to bottom in-process (.NET Interactive); stop at the first failing cell.");
        command.Arguments.Add(names);
        command.Options.Add(profile);
        command.Options.Add(parameters);
        command.Options.Add(output);
        command.SetAction(parse => {
            string root = RepositoryRoot();
            var notebooks = Resolve(root, parse.GetValue(names) ?? []);
            string outputFolder = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(root, "results", "notebooks"));
            string runner = RunnerPath(root);
            var summary = new List<string>();
            foreach (string notebook in notebooks)
            {
                string executed = Path.Combine(outputFolder, Path.GetFileName(notebook));
                var clock = Stopwatch.StartNew();
                int exit = RunOne(runner, notebook, executed, parse.GetValue(profile), parse.GetValue(parameters) ?? []);
                summary.Add($"{Path.GetFileName(notebook),-36} {(exit == 0 ? "ok" : "FAILED"),-7} {clock.Elapsed.TotalSeconds,7:F1} s");
                if (exit != 0)
                {
                    Console.Error.WriteLine($"error: notebook {Path.GetFileName(notebook)} failed (see above); later notebooks were not run.");
                    return exit;
                }
            }
            Console.WriteLine();
            foreach (string line in summary) Console.WriteLine(line);
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the notebooks in the order `notebooks run` executes them.");
        command.SetAction(_ => {
            foreach (string notebook in Resolve(RepositoryRoot(), [])) Console.WriteLine(Path.GetFileName(notebook));
            return 0;
        });
        return command;
    }

    private static int RunOne(string runner, string notebook, string executed, string? profile, string[] parameters)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (string argument in new[] { runner, notebook, "--output", executed }) start.ArgumentList.Add(argument);
        if (profile is not null) { start.ArgumentList.Add("--profile"); start.ArgumentList.Add(profile); }
        foreach (string parameter in parameters) { start.ArgumentList.Add("-p"); start.ArgumentList.Add(parameter); }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start `dotnet` for the notebook runner.");
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Numbered notebooks (NN-name.ipynb) in order; a name may be its number, its stem, its file name or a path.</summary>
    internal static IReadOnlyList<string> Resolve(string root, IReadOnlyList<string> names)
    {
        string folder = Path.Combine(root, "notebooks");
        var all = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.ipynb").Where(f => char.IsAsciiDigit(Path.GetFileName(f)[0])).Order(StringComparer.Ordinal).ToArray()
            : [];
        if (names.Count == 0)
            return all.Length > 0 ? all : throw new InvalidOperationException($"No numbered notebooks (NN-name.ipynb) in {folder}.");
        return names.Select(name =>
        {
            if (File.Exists(name) && name.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)) return Path.GetFullPath(name);
            string stem = Path.GetFileNameWithoutExtension(name);
            var matches = all.Where(f => Path.GetFileNameWithoutExtension(f) == stem || Path.GetFileName(f).StartsWith(stem + "-", StringComparison.Ordinal)).ToArray();
            return matches.Length == 1
                ? matches[0]
                : throw new ArgumentException(matches.Length == 0
                    ? $"No notebook '{name}' in {folder}; there are: {string.Join(", ", all.Select(Path.GetFileName))}."
                    : $"'{name}' matches several notebooks ({string.Join(", ", matches.Select(Path.GetFileName))}); give the full name.");
        }).ToArray();
    }

    private static string RepositoryRoot() =>
        DataDirectories.FindRepositoryRoot()
        ?? throw new InvalidOperationException("`doc2hash notebooks` works inside a clone of the kit (a folder with Doc2Hash.sln above the current directory).");

    /// <summary>The runner built next to this CLI (same configuration; the CLI's project builds it).</summary>
    private static string RunnerPath(string root)
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        string path = Path.Combine(root, "src", "Doc2Hash.NotebookRunner", "bin", configuration, "net10.0", "Doc2Hash.NotebookRunner.dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The notebook runner is not built ({path}); run: dotnet build src/Doc2Hash.NotebookRunner -c {configuration}");
    }
}
