using System.CommandLine;
using System.Globalization;
using System.Runtime.Intrinsics.X86;
using Doc2Hash.Evaluation;
using Doc2Hash.Retrieval;

namespace Doc2Hash.Cli.Commands;

/// <summary>`doc2hash bench ...`: speed benchmarks whose ratios are measured within one run.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Speed benchmarks (times and speed-up ratios measured in the same run).");
        command.Subcommands.Add(Retrieval());
        command.Subcommands.Add(BenchTrainingCommand.Create());
        command.Subcommands.Add(BenchStepCommand.Create());
        command.Subcommands.Add(BenchIndexCommand.Create());
        return command;
    }

    private static Command Retrieval()
    {
        var throughputDefaults = new RetrievalThroughputOptions();
        var precisionDefaults = new RetrievalBenchmarkOptions();
        var bits = new Option<int>("--bits") { Description = "Code length in bits.", DefaultValueFactory = _ => throughputDefaults.Bits };
        var queries = new Option<int>("--queries") { Description = "Query codes of the top-K throughput run.", DefaultValueFactory = _ => throughputDefaults.Queries };
        var database = new Option<int>("--database") { Description = "Database codes of the top-K throughput run.", DefaultValueFactory = _ => throughputDefaults.Database };
        var k = new Option<int>("--k") { Description = "K of the top-K throughput run.", DefaultValueFactory = _ => throughputDefaults.K };
        var threads = new Option<int>("--threads") { Description = "Worker threads of the throughput run (0: every core).", DefaultValueFactory = _ => 0 };
        var kernel = new Option<HammingKernel>("--kernel") { Description = "Scan kernel: Auto, Avx512, Avx2 or Scalar (identical results).", DefaultValueFactory = _ => HammingKernel.Auto };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Skip the previous implementation (distance array + threshold passes) in the throughput run." };
        var labels = new Option<int>("--labels") { Description = "Single-label classes of the precision@100 comparison.", DefaultValueFactory = _ => precisionDefaults.Labels };
        var seed = new Option<int>("--seed") { Description = "Seed of the random codes and labels.", DefaultValueFactory = _ => precisionDefaults.Seed };
        var command = new Command("retrieval",
            "Exact top-K on random codes: wall time, pairs/s and the fraction of this machine's popcount limit, against the previous scan in the same run; " +
            "then precision@100 at 20 Newsgroups' sizes: the fast evaluator vs a naive single-threaded per-pair loop.");
        foreach (var option in new Option[] { bits, queries, database, k, threads, kernel, noBaseline, labels, seed }) command.Options.Add(option);
        command.SetAction(parseResult => {
            var throughput = throughputDefaults with
            {
                Bits = parseResult.GetValue(bits),
                Queries = parseResult.GetValue(queries),
                Database = parseResult.GetValue(database),
                K = parseResult.GetValue(k),
                Threads = parseResult.GetValue(threads),
                Kernel = parseResult.GetValue(kernel),
                Baseline = !parseResult.GetValue(noBaseline),
                Seed = parseResult.GetValue(seed),
            };
            Console.WriteLine($"top-{throughput.K}: {throughput.Queries:N0} queries x {throughput.Database:N0} database codes, {throughput.Bits} bits, seed {throughput.Seed}, {Environment.ProcessorCount} cores, AVX2 {(Avx2.IsSupported ? "yes" : "no")}, AVX-512BW {(Avx512BW.IsSupported ? "yes" : "no")}");
            var scan = RetrievalThroughput.Run(throughput);
            Print(scan);

            var precision = precisionDefaults with { Bits = throughput.Bits, Labels = parseResult.GetValue(labels), Seed = throughput.Seed };
            Console.WriteLine();
            Console.WriteLine($"precision@{precision.K}: {precision.Queries} queries x {precision.Database} database codes (20 Newsgroups' test x train), {precision.Bits} bits, {precision.Labels} labels, seed {precision.Seed}");
            var result = RetrievalBenchmark.Run(precision);
            Print(result);
            return result.Agree && scan.Agree != false ? 0 : 1;
        });
        return command;
    }

    private static void Print(RetrievalThroughputResult result)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scan ({result.Kernel}, {result.Threads} threads): {result.Scan.TotalSeconds:F3} s, {result.PairsPerSecond / 1e9:F2} G pairs/s; processor time {result.ScanCpu.TotalSeconds:F3} s, {result.PairsPerCpuSecond / 1e9:F2} G pairs per processor-second"));
        if (result.Clock is { } clock)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"popcount limit (1 XOR+POPCNT per 64-bit word per cycle per core): {result.Threads} x {clock.Hertz / 1e9:F3} GHz / {result.WordsPerCode} word(s) = {result.PopcountLimit / 1e9:F2} G pairs/s; scan at {result.FractionOfLimit:P0} of it; per processor-second {result.CpuFractionOfLimit:P0} of one core's limit (clock from {clock.Source})"));
        else
            Console.WriteLine("popcount limit: unknown (the OS reports no clock: no cpufreq and no \"cpu MHz\" in /proc/cpuinfo)");
        if (result.Baseline is { } baseline)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"previous scan (distance array + threshold passes): {baseline.TotalSeconds:F3} s, {result.BaselinePairsPerSecond / 1e9:F2} G pairs/s, processor time {result.BaselineCpu?.TotalSeconds:F3} s; speed-up {result.Speedup:F2}x wall, {result.CpuSpeedup:F2}x processor time; results {(result.Agree == true ? "identical" : "DIFFER")}"));
    }

    private static void Print(RetrievalBenchmarkResult result)
    {
        Console.WriteLine($"fast  P@{result.Options.K} = {result.FastPrecision:F6}  first run {result.FastFirstRun.TotalSeconds:F3} s, best of {result.Options.FastRepeats} {result.FastBestRun.TotalSeconds:F3} s");
        Console.WriteLine($"naive P@{result.Options.K} = {result.NaivePrecision:F6}  {result.NaiveRun.TotalSeconds:F3} s (single thread, full sort per query)");
        Console.WriteLine($"speed-up {result.Speedup:F1}x; results {(result.Agree ? "agree exactly" : "DISAGREE")}");
    }
}
