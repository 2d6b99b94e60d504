using System.CommandLine;

namespace Doc2Hash.Cli.Commands;

/// <summary>Options several commands share, declared once.</summary>
internal static class CliOptions
{
    /// <summary>--device: where torch computes (train, reproduce, eval, encode, bench training).</summary>
    public static Option<string> Device() => new("--device") { Description = "Torch device: cpu, cuda, cuda:N or auto.", DefaultValueFactory = _ => "cpu" };

    /// <summary>--threads: torch's intra-op threads (1 can be faster on a busy machine).</summary>
    public static Option<int?> Threads() => new("--threads") { Description = "torch intra-op threads (default: torch's choice; 1 can be faster on a busy machine)." };

    /// <summary>--runs-dir: the folder holding &lt;dataset&gt;/&lt;run&gt; folders.</summary>
    public static Option<string> RunsDirectory(string description = "Folder that receives <dataset>/<run> folders.") =>
        new("--runs-dir") { Description = description, DefaultValueFactory = _ => "runs" };

    /// <summary>
    /// Applies --threads when given. Fewer than one thread is an error before anything runs (libtorch aborts the
    /// process on --threads 0).
    /// </summary>
    public static void ApplyThreads(ParseResult parse, Option<int?> threads)
    {
        if (parse.GetValue(threads) is not { } count) return;
        if (count < 1)
            throw new ArgumentException($"--threads must be at least 1 (got {count}); leave it out to let torch choose, or give 1 on a busy machine.");
        TorchSharp.torch.set_num_threads(count);
    }
}
