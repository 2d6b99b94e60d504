using System.Diagnostics;

namespace Doc2Hash.Tests.TestSupport;

/// <summary>
/// Runs a scenario of <see cref="ChildScenarios"/> in a separate process: the test assembly itself, started with
/// <c>dotnet exec Doc2Hash.Tests.dll &lt;scenario&gt; &lt;args&gt;</c> (its entry point is <see cref="ChildScenarios.Main"/>),
/// so fault tests can kill a writer with SIGKILL or run it inside a private mount namespace with a tiny disk.
/// </summary>
internal static class ChildProcess
{
    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    public static string TestAssembly => typeof(ChildProcess).Assembly.Location;

    /// <summary>The command line that runs a scenario, for use inside a shell (each argument single-quoted).</summary>
    public static string CommandLine(params string[] arguments) =>
        string.Join(' ', new[] { Dotnet, "exec", TestAssembly }.Concat(arguments).Select(a => $"'{a.Replace("'", "'\\''")}'"));

    public static Process Start(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
    }

    public static Process StartScenario(params string[] arguments) =>
        Start(Dotnet, new[] { "exec", TestAssembly }.Concat(arguments).ToArray());

    /// <summary>Runs a process to its end (at most <paramref name="timeout"/>) and returns its exit code and output.</summary>
    public static (int ExitCode, string Output, string Error) Run(Process process, TimeSpan timeout)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{process.StartInfo.FileName} did not finish within {timeout.TotalSeconds} s.");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
