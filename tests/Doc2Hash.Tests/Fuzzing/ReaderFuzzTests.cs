using System.Globalization;
using System.Text.Json;
using Doc2Hash.Tests.TestSupport;
using Xunit.Abstractions;

namespace Doc2Hash.Tests.Fuzzing;

/// <summary>
/// Fuzzes every reader for a fixed time budget, each in its own child process whose managed heap is capped
/// (DOTNET_GCHeapHardLimit), so a reader that allocates from a corrupt size fails fast with an OutOfMemoryException
/// instead of taking the machine's memory, and a hang can be killed. Settings (environment): DOC2HASH_FUZZ_SECONDS
/// (default 60) split evenly over the targets; DOC2HASH_FUZZ_SEED (default 1) fixes the input sequence;
/// DOC2HASH_FUZZ_KEEP (a folder) keeps each small input with a new outcome; DOC2HASH_FUZZ_FINDINGS (default:
/// fuzz-findings/ next to the test assembly) receives failing inputs. A target fails on any exception other than the
/// kit's typed data errors, a hang over 5 s, more than DOC2HASH_FUZZ_MEMORY_MB (256) allocated for one input, or a
/// managed heap over 1 GiB.
/// </summary>
public class ReaderFuzzTests(ITestOutputHelper output)
{
    public static TheoryData<string> Targets => [.. ReaderTargets.Names];

    private const string HeapLimit = "0x40000000";   // 1 GiB

    private static double SecondsPerTarget =>
        (double.TryParse(Environment.GetEnvironmentVariable("DOC2HASH_FUZZ_SECONDS"), CultureInfo.InvariantCulture, out double s) ? s : 60)
        / ReaderTargets.Names.Count;

    private static string Seed => int.TryParse(Environment.GetEnvironmentVariable("DOC2HASH_FUZZ_SEED"), out int seed) ? seed.ToString(CultureInfo.InvariantCulture) : "1";

    [Theory]
    [MemberData(nameof(Targets))]
    [BadInput("fuzzing", "mutated and random Reuters SGML text (seeds: the first articles of reut2-000 and reut2-017, a fixture)", "only DataFormatException / DataSourceException; no crash, hang > 5 s or memory over the cap")]
    [BadInput("fuzzing", "mutated uncompressed tar archives of Reuters SGML and of 20 Newsgroups messages", "only typed data errors (a corrupt tar header -> DataSourceException naming the file; was an OverflowException)")]
    [BadInput("fuzzing", "mutated TMC document lines, TMC label matrices and RCV1 qrels", "only typed data errors")]
    [BadInput("fuzzing", "mutated CSV, JSON Lines and folder-corpus files (seeds: real 20NG messages and fixtures)", "only typed data errors")]
    [BadInput("fuzzing", "mutated MATLAB .mat files (the SciPy-made fixtures) and .npy files (the NumPy-made fixtures)", "only typed data errors")]
    [BadInput("fuzzing", "mutated processed-cache data files (raw, and re-sealed with a valid SHA-256) and manifests", "the cache is reported unusable with a reason (a string count of 2^30 no longer allocates 8 GB)")]
    [BadInput("fuzzing", "mutated checkpoints (raw) and re-sealed checkpoints with a mutated header", "only DataFormatException (a bad string length in the header was a FormatException)")]
    public void A_reader_survives_mutated_and_random_inputs(string name)
    {
        string findings = Environment.GetEnvironmentVariable("DOC2HASH_FUZZ_FINDINGS") is { Length: > 0 } configured
            ? configured : Path.Combine(AppContext.BaseDirectory, "fuzz-findings");
        var arguments = new List<string> { ChildScenarios.Fuzz, name, SecondsPerTarget.ToString("R", CultureInfo.InvariantCulture), Seed, findings };
        if (Environment.GetEnvironmentVariable("DOC2HASH_FUZZ_KEEP") is { Length: > 0 } keep) arguments.Add(keep);

        var start = new System.Diagnostics.ProcessStartInfo(ChildProcess.Dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "exec", ChildProcess.TestAssembly }.Concat(arguments)) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_GCHeapHardLimit"] = HeapLimit;
        using var child = System.Diagnostics.Process.Start(start)!;
        var (code, stdout, stderr) = ChildProcess.Run(child, TimeSpan.FromSeconds(SecondsPerTarget + 120));

        Assert.True(code == 0, $"the fuzzing process for '{name}' died (exit {code}): {stderr}\n{stdout}");
        var report = JsonSerializer.Deserialize<FuzzRunner.Report>(stdout.Trim().Split('\n')[^1])!;
        output.WriteLine(report.ToString());
        Assert.True(report.Failures.Count == 0,
            $"{report}:\n" + string.Join("\n", report.Failures.Select(f => $"- {f.Outcome.Signature}\n  input: {f.SavedAt}\n  {f.Outcome.Detail.Split('\n').FirstOrDefault()}")));
        Assert.True(report.Inputs > report.Seeds || SecondsPerTarget < 1, $"{name}: no mutated input ran within the budget");
    }
}
