using Doc2Hash.Retrieval;

namespace Doc2Hash.Evaluation;

/// <summary>Sizes of the exact top-K throughput benchmark; the defaults are issue 10's case (10,000 x 1,000,000 x 64 bits, top-100).</summary>
public sealed record RetrievalThroughputOptions
{
    public int Queries { get; init; } = 10_000;
    public int Database { get; init; } = 1_000_000;
    public int Bits { get; init; } = 64;
    public int K { get; init; } = 100;

    /// <summary>Worker threads; 0 = every core.</summary>
    public int Threads { get; init; }

    /// <summary>Seed of the uniformly random codes.</summary>
    public int Seed { get; init; } = 1;

    public HammingKernel Kernel { get; init; } = HammingKernel.Auto;

    /// <summary>Also time the previous implementation (distance array + threshold passes) in the same run and compare results.</summary>
    public bool Baseline { get; init; } = true;
}

/// <summary>
/// One throughput measurement: wall time of <see cref="HammingSearch.TopK(BinaryCodes, BinaryCodes, int, HammingKernel, int)"/>,
/// pairs per second, and the fraction of this machine's popcount limit: one XOR + POPCNT per 64-bit word per cycle
/// per core, i.e. threads x clock / words per code pairs per second (SIMD kernels may exceed it).
/// </summary>
public sealed record RetrievalThroughputResult(
    RetrievalThroughputOptions Options,
    HammingKernel Kernel,
    int Threads,
    TimeSpan Scan,
    TimeSpan ScanCpu,
    TimeSpan? Baseline,
    TimeSpan? BaselineCpu,
    bool? Agree,
    ProcessorClock? Clock)
{
    public double Pairs => (double)Options.Queries * Options.Database;
    public double PairsPerSecond => Pairs / Scan.TotalSeconds;

    /// <summary>Pairs per second of processor time (all threads): the speed a core delivers when it runs, which a shared machine does not distort.</summary>
    public double PairsPerCpuSecond => Pairs / ScanCpu.TotalSeconds;
    public double? BaselinePairsPerSecond => Baseline is { } time ? Pairs / time.TotalSeconds : null;
    public double? Speedup => Baseline is { } time ? time / Scan : null;
    public double? CpuSpeedup => BaselineCpu is { } time ? time / ScanCpu : null;
    public int WordsPerCode => (Options.Bits + 63) / 64;
    public double? PopcountLimit => Clock is { } clock ? Threads * clock.Hertz / WordsPerCode : null;
    public double? FractionOfLimit => PopcountLimit is { } limit ? PairsPerSecond / limit : null;

    /// <summary>Pairs per processor-second against one core's limit (clock / words per code).</summary>
    public double? CpuFractionOfLimit => Clock is { } clock ? PairsPerCpuSecond / (clock.Hertz / WordsPerCode) : null;
}

/// <summary>Exact top-K on uniformly random codes: the scan against the previous implementation, same codes, same run.</summary>
public static class RetrievalThroughput
{
    public static RetrievalThroughputResult Run(RetrievalThroughputOptions options)
    {
        var random = new Random(options.Seed);
        var queries = RandomCodes.Create(options.Queries, options.Bits, random);
        var database = RandomCodes.Create(options.Database, options.Bits, random);
        int threads = options.Threads == 0 ? Environment.ProcessorCount : options.Threads;
        var kernel = HammingKernels.Resolve(options.Kernel);

        var (result, scan) = TimedRun.Measure(() => HammingSearch.TopK(queries, database, options.K, kernel, threads));
        TimedRun? baseline = null;
        bool? agree = null;
        if (options.Baseline)
        {
            (var previous, var previousTime) = TimedRun.Measure(() => DistanceArraySearch.TopK(queries, database, options.K, threads));
            baseline = previousTime;
            agree = Same(result, previous);
        }
        return new RetrievalThroughputResult(options, kernel, threads, scan.Wall, scan.Processor, baseline?.Wall, baseline?.Processor, agree, ProcessorClock.Read());
    }

    /// <summary>Identical rankings and cutoffs.</summary>
    public static bool Same(TopKResult a, TopKResult b) =>
        a.Indices.AsSpan().SequenceEqual(b.Indices) && a.Distances.AsSpan().SequenceEqual(b.Distances) && a.Cutoffs.AsSpan().SequenceEqual(b.Cutoffs);
}
