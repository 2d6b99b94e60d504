using System.Diagnostics;

namespace Doc2Hash.NotebookRunner.Tests.TestSupport;

/// <summary>Runs a process to completion and captures its output (for the runner's exit codes and for Jupyter).</summary>
public sealed record ProcessRun(int ExitCode, string Output, string Error, TimeSpan Elapsed)
{
    public static ProcessRun Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in time.\n{output.Result}\n{error.Result}");
        }
        process.WaitForExit();
        return new ProcessRun(process.ExitCode, output.Result, error.Result, clock.Elapsed);
    }

    public string Describe() => $"exit {ExitCode} after {Elapsed.TotalSeconds:F0} s\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}
