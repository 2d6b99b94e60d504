using Doc2Hash.Tests.Data.Formats;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.IO;

/// <summary>
/// Real faults in a child process (<see cref="ChildScenarios"/>): a writer killed with SIGKILL mid-write, and a full
/// disk (a 1 MiB tmpfs mounted in a private user + mount namespace with <c>unshare -rm</c>, so no root is needed).
/// </summary>
public class AtomicWriteFaultTests
{
    [Fact]
    [BadInput("AtomicFile", "the writing process is killed with SIGKILL while replacing a file (20 MB, killed after 1 MB)", "the old file is intact; only a hidden .tmp file remains")]
    public void Kill_9_during_a_write_leaves_the_old_file_intact()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("best.bin");
        File.WriteAllText(path, "the old checkpoint");

        using var child = ChildProcess.StartScenario(ChildScenarios.WriteSlowly, path, "20");
        string? line = child.StandardOutput.ReadLine();   // the child has written its first megabyte
        Assert.Equal(ChildScenarios.Started, line);
        child.Kill();                                       // SIGKILL on Unix: no finally block, no cleanup runs
        child.WaitForExit();

        Assert.Equal("the old checkpoint", File.ReadAllText(path));
        var leftovers = folder.FileNames().Where(n => n != "best.bin").ToArray();
        Assert.All(leftovers, name => Assert.Matches(@"^\.best\.bin\.[0-9a-f]{32}\.tmp$", name));
    }

    [Fact]
    [BadInput("AtomicFile", "disk full (1 MiB tmpfs) while replacing a file with 4 MB", "IOException 'Writing ... failed: No space left on device ... Nothing was changed'; old file intact, no .tmp left")]
    [BadInput("AtomicFileSet", "disk full (1 MiB tmpfs) while replacing a set of three files", "IOException; all three old files intact, no .tmp left")]
    [BadInput("checkpoint", "disk full (1 MiB tmpfs) while saving best.bin (the issue's leftover best.bin.tmp)", "IOException naming best.bin; no best.bin and no temporary file left")]
    public void A_full_disk_leaves_only_the_old_files()
    {
        if (!OperatingSystem.IsLinux()) return;   // tmpfs and mount namespaces are Linux features
        using var folder = new TemporaryDirectory();
        string script = $"mount -t tmpfs -o size=1m tmpfs '{folder.Path}' && {ChildProcess.CommandLine(ChildScenarios.DiskFull, folder.Path)}";
        var (code, output, error) = ChildProcess.Run(ChildProcess.Start("unshare", "-rm", "sh", "-c", script), TimeSpan.FromMinutes(2));
        Assert.True(code == 0, $"unshare/tmpfs scenario failed (exit {code}): {error}\n{output}");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("single failed: Writing ", StringComparison.Ordinal) && l.Contains("No space left on device") && l.Contains("Nothing was changed"));
        Assert.Contains(lines, l => l.StartsWith("set failed: ", StringComparison.Ordinal) && l.Contains("No space left on device"));
        Assert.Contains(lines, l => l.StartsWith("checkpoint failed: ", StringComparison.Ordinal) && l.Contains("best.bin"));
        // Every file left on the full disk is an old one with its old content: no partial file, no temporary file.
        Assert.Equal(
            ["file codes.npy 9 old codes", "file test.npy 12 old test.npy", "file train.npy 13 old train.npy", "file validation.npy 18 old validation.npy"],
            lines.Where(l => l.StartsWith("file ", StringComparison.Ordinal)).ToArray());
    }
}
