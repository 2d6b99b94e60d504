#nullable enable
// Builds the kit for the notebooks: src/Doc2Hash.Notebooks (and with it src/Doc2Hash) in Release, when its DLL is
// missing or older than a source file. A notebook loads this file in its first cell (#load "kit.csx") and references
// the DLLs in the next one: #r directives are resolved when their cell is compiled, so the build must come first.
// The build also applies the kit's libstdc++ fix to TorchSharp's native shim in the NuGet cache (environment.md),
// which a notebook's #r "nuget: TorchSharp-cpu" loads; that is why notebooks never skip this step.
using System.Diagnostics;
using System.IO;

static class KitBuild
{
    public const string Project = "../src/Doc2Hash.Notebooks";
    public const string Output = Project + "/bin/Release/net10.0";

    /// <summary>Builds when needed; throws with the build log, or with the command to run, when it cannot.</summary>
    public static void EnsureBuilt()
    {
        string dll = Path.GetFullPath(Output + "/Doc2Hash.Notebooks.dll");
        string? newer = NewestSource(File.Exists(dll) ? File.GetLastWriteTimeUtc(dll) : DateTime.MinValue);
        if (newer is null) { Console.WriteLine($"Kit is up to date: {Output}/Doc2Hash.Notebooks.dll"); return; }
        Console.WriteLine(File.Exists(dll) ? $"Rebuilding the kit ({newer} changed) ..." : "Building the kit (first use) ...");
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet", $"build {Project} -c Release --nologo -v q") { RedirectStandardOutput = true, RedirectStandardError = true };
        Process build;
        try { build = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start `dotnet` ({e.Message}). In a terminal at the repository root run: dotnet build src/Doc2Hash.Notebooks -c Release; then restart the kernel.");
        }
        var errors = build.StandardError.ReadToEndAsync();
        string output = build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0)
            throw new InvalidOperationException($"Building the kit failed (dotnet build {Project} -c Release):\n{output}{errors.Result}");
        Console.WriteLine($"Kit built in {clock.Elapsed.TotalSeconds:F0} s: {Output}/Doc2Hash.Notebooks.dll");
    }

    /// <summary>The first source file (C#, project or build file) newer than the DLL, or null.</summary>
    static string? NewestSource(DateTime built)
    {
        string[] folders = ["../src/Doc2Hash", Project, "../build"];
        string separator = Path.DirectorySeparatorChar.ToString();
        return folders.SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains(separator + "bin" + separator) && !f.Contains(separator + "obj" + separator))
            .Concat(Directory.EnumerateFiles("..", "Directory.*"))
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".csproj") || f.EndsWith(".props") || f.EndsWith(".targets"))
            .FirstOrDefault(f => File.GetLastWriteTimeUtc(f) > built);
    }
}

KitBuild.EnsureBuilt();
