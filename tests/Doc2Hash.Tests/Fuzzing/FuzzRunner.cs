using System.Diagnostics;
using System.Security.Cryptography;

namespace Doc2Hash.Tests.Fuzzing;

/// <summary>
/// Runs a <see cref="FuzzTarget"/> on its seeds and then on mutated and random inputs until the time budget is spent.
/// Each input runs on its own thread: no result within <see cref="HangLimit"/> is a hang, more than
/// <see cref="MemoryCap"/> bytes allocated while reading it is a memory failure, and any exception other than the
/// kit's typed data errors is a crash (<see cref="FuzzOutcome"/>). Inputs whose outcome is new (a new error kind)
/// join the corpus that later inputs mutate, which steers the fuzzer past the first check of each format.
/// Failing inputs are written to the findings folder (one per kind) for replay as fixtures.
/// </summary>
internal static class FuzzRunner
{
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(5);

    /// <summary>The first input of a process also pays for JIT compilation and native library loading (libtorch).</summary>
    private static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(60);

    /// <summary>Bytes one input may allocate (env DOC2HASH_FUZZ_MEMORY_MB, default 256): inputs are at most 64 KB.</summary>
    public static long MemoryCap => (long.TryParse(Environment.GetEnvironmentVariable("DOC2HASH_FUZZ_MEMORY_MB"), out long mb) ? mb : 256) << 20;

    private const int MaxCorpus = 512;

    public sealed record Failure(FuzzOutcome Outcome, string SavedAt);

    public sealed record Report(string Target, int Seeds, int Inputs, int Errors, int Successes, int Kinds, int CorpusSize, TimeSpan Elapsed, IReadOnlyList<Failure> Failures)
    {
        public override string ToString() =>
            $"{Target}: {Inputs} inputs in {Elapsed.TotalSeconds:0.0} s ({Successes} read, {Errors} typed errors, {Kinds} outcome kinds, corpus {CorpusSize}), {Failures.Count} failure kinds";
    }

    /// <summary>Runs one input and classifies the outcome.</summary>
    public static FuzzOutcome RunOne(FuzzTarget target, byte[] input, string workDirectory) => RunOne(target, input, workDirectory, HangLimit);

    private static FuzzOutcome RunOne(FuzzTarget target, byte[] input, string workDirectory, TimeSpan limit)
    {
        FuzzOutcome? outcome = null;
        long allocated = 0;
        var thread = new Thread(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                outcome = FuzzOutcome.Read(target.Run(input, workDirectory));
            }
            catch (Exception error)
            {
                outcome = FuzzOutcome.From(error);
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }, maxStackSize: 16 << 20) { IsBackground = true, Name = $"fuzz {target.Name}" };
        thread.Start();
        if (!thread.Join(limit)) return FuzzOutcome.Hang(limit);
        if (allocated > MemoryCap && outcome is { Failed: false }) return FuzzOutcome.Memory(allocated, MemoryCap);
        return outcome!;
    }

    public static Report Fuzz(FuzzTarget target, TimeSpan budget, int seed, string workDirectory, string findingsDirectory, string? keepDirectory = null)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(seed ^ StableHash(target.Name));
        var mutator = new Mutator(random, target.Tokens);
        var corpus = target.Seeds.ToList();
        var kinds = new HashSet<string>();
        var failures = new Dictionary<string, Failure>();
        int inputs = 0, errors = 0, successes = 0;
        while (inputs < target.Seeds.Count || clock.Elapsed < budget)
        {
            byte[] input = inputs < target.Seeds.Count ? target.Seeds[inputs]
                : random.Next(10) == 0 ? mutator.Random(target.MaxLength)
                : mutator.Mutate(corpus[random.Next(corpus.Count)], corpus, target.MaxLength);
            inputs++;
            var outcome = RunOne(target, input, workDirectory, inputs == 1 ? WarmUpLimit : HangLimit);
            if (outcome.Failed)
            {
                if (!failures.ContainsKey(outcome.Signature))
                    failures[outcome.Signature] = new Failure(outcome, Save(input, Path.Combine(findingsDirectory, target.Name)));
                if (outcome.Signature.StartsWith("hang", StringComparison.Ordinal)) break;   // its thread is still busy
                continue;
            }
            if (outcome.Signature.StartsWith("ok", StringComparison.Ordinal)) successes++;
            else errors++;
            if (kinds.Add(outcome.Signature))
            {
                if (corpus.Count < MaxCorpus) corpus.Add(input);
                if (keepDirectory is not null && input.Length <= 4096) Save(input, Path.Combine(keepDirectory, target.Name));
            }
        }
        return new Report(target.Name, target.Seeds.Count, inputs, errors, successes, kinds.Count, corpus.Count, clock.Elapsed, failures.Values.ToList());
    }

    /// <summary>Writes an input under its SHA-256 prefix (so the same input is kept once) and returns the path.</summary>
    public static string Save(byte[] input, string folder)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(input))[..16] + ".bin");
        File.WriteAllBytes(path, input);
        return path;
    }

    /// <summary>A hash of the name that is the same in every process (string.GetHashCode is randomised per process).</summary>
    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));
}
