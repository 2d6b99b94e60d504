namespace Doc2Hash.NotebookRunner.Tests.TestSupport;

/// <summary>The clone the tests run in (the folder with Doc2Hash.sln above the test assembly).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string NotebooksFolder => Path.Combine(Root, "notebooks");

    /// <summary>The numbered notebooks (NN-name.ipynb), discovered by glob so new notebooks are covered as they land.</summary>
    public static IEnumerable<string> Notebooks() =>
        Directory.GetFiles(NotebooksFolder, "*.ipynb")
            .Where(f => char.IsAsciiDigit(Path.GetFileName(f)[0]))
            .Order(StringComparer.Ordinal);

    /// <summary>The runner built next to the tests (a project reference copies it here).</summary>
    public static string RunnerDll => Path.Combine(AppContext.BaseDirectory, "Doc2Hash.NotebookRunner.dll");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Doc2Hash.sln"))) return folder.FullName;
        throw new InvalidOperationException($"No Doc2Hash.sln above {AppContext.BaseDirectory}.");
    }
}
