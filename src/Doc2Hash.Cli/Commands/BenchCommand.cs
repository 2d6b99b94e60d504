using System.CommandLine;
using System.Runtime.Intrinsics.X86;
using Doc2Hash.Evaluation;

namespace Doc2Hash.Cli.Commands;

/// <summary>`doc2hash bench ...`: speed benchmarks whose ratios are measured within one run.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Speed benchmarks (times and speed-up ratios measured in the same run).");
        command.Subcommands.Add(Retrieval());
        command.Subcommands.Add(BenchTrainingCommand.Create());
        return command;
    }

    private static Command Retrieval()
    {
        var defaults = new RetrievalBenchmarkOptions();
        var bits = new Option<int>("--bits") { Description = "Code length in bits.", DefaultValueFactory = _ => defaults.Bits };
        var queries = new Option<int>("--queries") { Description = "Number of query codes (20NG test size by default).", DefaultValueFactory = _ => defaults.Queries };
        var database = new Option<int>("--database") { Description = "Number of database codes (20NG train size by default).", DefaultValueFactory = _ => defaults.Database };
        var labels = new Option<int>("--labels") { Description = "Number of single-label classes.", DefaultValueFactory = _ => defaults.Labels };
        var seed = new Option<int>("--seed") { Description = "Seed of the random codes and labels.", DefaultValueFactory = _ => defaults.Seed };
        var command = new Command("retrieval", "Precision@100 on random codes and labels: the fast evaluator vs a naive single-threaded per-pair loop.");
        foreach (var option in new[] { bits, queries, database, labels, seed }) command.Options.Add(option);
        command.SetAction(parseResult =>
        {
            var options = defaults with
            {
                Bits = parseResult.GetValue(bits),
                Queries = parseResult.GetValue(queries),
                Database = parseResult.GetValue(database),
                Labels = parseResult.GetValue(labels),
                Seed = parseResult.GetValue(seed),
            };
            Console.WriteLine($"{options.Queries} queries x {options.Database} database codes, {options.Bits} bits, {options.Labels} labels, seed {options.Seed}, K = {options.K}, {Environment.ProcessorCount} cores, AVX2 {(Avx2.IsSupported ? "yes" : "no")}");
            var result = RetrievalBenchmark.Run(options);
            Print(result);
            return result.Agree ? 0 : 1;
        });
        return command;
    }

    private static void Print(RetrievalBenchmarkResult result)
    {
        Console.WriteLine($"fast  P@{result.Options.K} = {result.FastPrecision:F6}  first run {result.FastFirstRun.TotalSeconds:F3} s, best of {result.Options.FastRepeats} {result.FastBestRun.TotalSeconds:F3} s");
        Console.WriteLine($"naive P@{result.Options.K} = {result.NaivePrecision:F6}  {result.NaiveRun.TotalSeconds:F3} s (single thread, full sort per query)");
        Console.WriteLine($"speed-up {result.Speedup:F1}x; results {(result.Agree ? "agree exactly" : "DISAGREE")}");
    }
}
