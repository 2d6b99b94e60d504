using Doc2Hash.Hashing.Neural;
using Doc2Hash.IO;
using Doc2Hash.Training;

namespace Doc2Hash.Tests.TestSupport;

/// <summary>
/// The test assembly's entry point: scenarios that fault tests run in a child process (<see cref="ChildProcess"/>).
/// xunit never calls it; the test host has its own entry point.
/// </summary>
public static class ChildScenarios
{
    public const string WriteSlowly = "write-slowly";
    public const string DiskFull = "disk-full";
    public const string Fuzz = "fuzz";
    public const string Started = "started";
    public const string LargeTensor = "large-tensor";
    private const int Megabyte = 1 << 20;

    public static int Main(string[] args) => args switch
    {
        [WriteSlowly, var path, var megabytes] => WriteSlowlyScenario(path, int.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture)),
        [DiskFull, var folder] => DiskFullScenario(folder),
        [LargeTensor] => LargeTensorScenario(),
        [Fuzz, var target, var seconds, var seed, var findings, .. var keep] => FuzzScenario(target, seconds, seed, findings, keep.FirstOrDefault()),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine($"usage: dotnet exec Doc2Hash.Tests.dll ({WriteSlowly} <path> <megabytes> | {DiskFull} <folder on a small file system> | " +
                                $"{Fuzz} <target> <seconds> <seed> <findings folder> [<keep folder>])");
        return 2;
    }

    /// <summary>
    /// Applies <see cref="MallocTuning"/> (the environment decides whether it may), allocates a 40 MB tensor as VDSH's
    /// input-layer gradient is, and prints "applied-flag growth-of-glibc's-mmapped-bytes" while the tensor is alive.
    /// In a child process because the tuning is process-wide and cannot be undone.
    /// </summary>
    private static int LargeTensorScenario()
    {
        bool applied = MallocTuning.Apply().Applied;
        long before = MallocTuning.MappedBytes() ?? -1;
        using var gradient = TorchSharp.torch.ones(10_000, 1000);
        long during = MallocTuning.MappedBytes() ?? -1;
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{applied} {during - before}"));
        return 0;
    }

    /// <summary>Replaces a file with megabytes of 'N', pausing after each megabyte, so the parent can kill it mid-write.</summary>
    private static int WriteSlowlyScenario(string path, int megabytes)
    {
        AtomicFile.Write(path, stream =>
        {
            var chunk = Enumerable.Repeat((byte)'N', Megabyte).ToArray();
            for (int i = 0; i < megabytes; i++)
            {
                stream.Write(chunk);
                stream.Flush();
                if (i == 0) Console.WriteLine(Started);
                Thread.Sleep(20);
            }
        }, overwrite: true);
        return 0;
    }

    /// <summary>
    /// On a file system too small for the new content (a 1 MiB tmpfs): replace a file, replace a set of three, and
    /// save a checkpoint, each of which must fail with the disk full. Prints one line per outcome and then every file
    /// left, hidden ones included, with its size; the parent test checks that only the old files remain, unchanged.
    /// </summary>
    private static int DiskFullScenario(string folder)
    {
        string single = Path.Combine(folder, "codes.npy");
        AtomicFile.WriteAllText(single, "old codes");
        Report("single", () => AtomicFile.Write(single, stream => stream.Write(new byte[4 * Megabyte]), overwrite: true));

        var set = new[] { "train.npy", "validation.npy", "test.npy" }.Select(n => Path.Combine(folder, n)).ToArray();
        foreach (string path in set) AtomicFile.WriteAllText(path, "old " + Path.GetFileName(path));
        Report("set", () => AtomicFileSet.Write(set.Select(p => (p, (Action<Stream>)(s => s.Write(new byte[400 * 1024])))).ToList(), overwrite: true));

        using var model = new Doc2HashModel(new Doc2HashConfig { Bits = 8, HiddenSize = 500 }, 1000, 1);
        var state = new TrainingState(0, 0, -1, double.NegativeInfinity, []);
        Report("checkpoint", () => Checkpoint.Save(Path.Combine(folder, "checkpoints", Trainer.BestCheckpointName), model, state));

        foreach (string file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            Console.WriteLine($"file {Path.GetRelativePath(folder, file)} {new FileInfo(file).Length} {(new FileInfo(file).Length < 100 ? File.ReadAllText(file) : "")}");
        return 0;
    }

    /// <summary>Fuzzes one reader (<see cref="Fuzzing.FuzzRunner"/>) and prints its report as one JSON line.</summary>
    private static int FuzzScenario(string target, string seconds, string seed, string findings, string? keep)
    {
        using var work = new Data.Formats.TemporaryDirectory();
        var report = Fuzzing.FuzzRunner.Fuzz(Fuzzing.ReaderTargets.Get(target),
            TimeSpan.FromSeconds(double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
            int.Parse(seed, System.Globalization.CultureInfo.InvariantCulture), work.Path, findings, keep);
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(report));
        return 0;
    }

    private static void Report(string what, Action write)
    {
        try
        {
            write();
            Console.WriteLine($"{what} written");
        }
        catch (IOException error)
        {
            Console.WriteLine($"{what} failed: {error.Message.ReplaceLineEndings(" ")}");
        }
    }
}
