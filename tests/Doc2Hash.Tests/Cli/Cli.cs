using System.CommandLine;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Cli;

/// <summary>
/// Runs `doc2hash` commands in tests: in-process with exceptions propagated (as Program.cs invokes them, so a test sees
/// the exception its one error handler would report), or as the real program in a child process
/// (<c>dotnet exec Doc2Hash.Cli.dll</c> from the test output folder) when stdout, stderr and the exit code matter.
/// </summary>
internal static class Cli
{
    /// <summary>Parses <paramref name="args"/> with <paramref name="command"/> (which must accept them) and runs its action.</summary>
    public static int Invoke(Command command, params string[] args)
    {
        var parse = command.Parse(args);
        Assert.Empty(parse.Errors);
        return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    /// <summary>The whole program in a child process: exit code, stdout, stderr.</summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] args) =>
        ChildProcess.Run(ChildProcess.Start(ChildProcess.Dotnet, ["exec", Path.Combine(AppContext.BaseDirectory, "Doc2Hash.Cli.dll"), .. args]), TimeSpan.FromMinutes(3));

    /// <summary>Every file under <paramref name="folder"/> with its bytes and last write time, to show nothing changed.</summary>
    public static Dictionary<string, (byte[] Bytes, DateTime Written)> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => (File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f)));

    public static void AssertUnchanged(Dictionary<string, (byte[] Bytes, DateTime Written)> before, string folder)
    {
        var after = Snapshot(folder);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (file, (bytes, written)) in before)
        {
            Assert.Equal(bytes, after[file].Bytes);
            Assert.Equal(written, after[file].Written);
        }
    }
}
