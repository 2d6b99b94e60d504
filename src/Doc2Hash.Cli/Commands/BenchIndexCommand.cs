using System.CommandLine;
using System.Globalization;
using Doc2Hash.Evaluation;
using Doc2Hash.Experiments;
using Doc2Hash.Retrieval;
using Doc2Hash.Training;

namespace Doc2Hash.Cli.Commands;

/// <summary>
/// `doc2hash bench index [RUN]`: multi-index hashing against the linear scan at a large database size, by K.
/// With a run folder the database is the run's training codes grown with perturbed copies (flip probability from
/// real nearest same-label neighbours, <see cref="NeighbourPerturbation"/>) and the queries are its test codes;
/// without one, uniformly random codes (the index's worst case).
/// </summary>
internal static class BenchIndexCommand
{
    public static Command Create()
    {
        var runPath = new Argument<string?>("run") { Description = "A run folder (its best checkpoint encodes the dataset); omit for random codes.", Arity = ArgumentArity.ZeroOrOne };
        var database = new Option<int>("--database") { Description = "Database size after growing the training codes.", DefaultValueFactory = _ => 1_000_000 };
        var ks = new Option<string>("--k") { Description = "Comma-separated K values.", DefaultValueFactory = _ => "1,10,100" };
        var substrings = new Option<int?>("--substrings") { Description = "Substrings m (default: the paper's bits / log2(database))." };
        var bits = new Option<int>("--bits") { Description = "Code length of random codes (without a run).", DefaultValueFactory = _ => 64 };
        var queries = new Option<int>("--queries") { Description = "Random query codes (without a run; with one, all test codes are queries).", DefaultValueFactory = _ => 3405 };
        var seed = new Option<int>("--seed") { Description = "Seed of the perturbed copies (or of the random codes).", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "Device that encodes the run's documents.", DefaultValueFactory = _ => "cpu" };
        var command = new Command("index", "Multi-index hashing vs the linear scan, by K, on a grown database of a run's codes (or random codes); identical results checked.");
        command.Arguments.Add(runPath);
        foreach (var option in new Option[] { database, ks, substrings, bits, queries, seed, device }) command.Options.Add(option);
        command.SetAction(parse => {
            var random = new Random(parse.GetValue(seed));
            int size = parse.GetValue(database);
            var (queryCodes, databaseCodes) = parse.GetValue(runPath) is { } path
                ? FromRun(RunFolder.Open(path), size, random, TorchEnvironment.ResolveDevice(parse.GetValue(device)!))
                : FromRandom(parse.GetValue(bits), parse.GetValue(queries), size, random);
            var layout = parse.GetValue(substrings) is { } m ? new SubstringLayout(databaseCodes.Bits, m) : null;
            var kValues = parse.GetValue(ks)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(k => int.Parse(k, CultureInfo.InvariantCulture)).ToArray();
            var result = IndexBenchmark.Run(queryCodes, databaseCodes, kValues, layout);
            Print(result);
            return result.Rows.All(r => r.Identical) ? 0 : 1;
        });
        return command;
    }

    private static (BinaryCodes Queries, BinaryCodes Database) FromRun(RunFolder run, int size, Random random, TorchSharp.torch.Device device)
    {
        var config = run.ReadConfig();
        var data = NeuralRunSupport.LoadDataset(config.Dataset);
        var codes = Experiment.Encode(run, data, device);
        var neighbours = NeighbourPerturbation.Estimate(codes["train"], data.Train.Labels);
        var grown = NeighbourPerturbation.Grow(codes["train"], size, neighbours.FlipProbability, random);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{run.Path}: {config.Bits}-bit codes of {data.Name}; nearest same-label neighbour of a training code: median {neighbours.MedianNearestDistance:0.#} bits, mean {neighbours.MeanNearestDistance:F2} ({neighbours.CodesMeasured:N0} codes) -> flip probability {neighbours.FlipProbability:F4}"));
        Console.WriteLine($"database: {codes["train"].Count:N0} training codes + {size - codes["train"].Count:N0} perturbed copies = {size:N0}; queries: {codes["test"].Count:N0} test codes");
        return (codes["test"], grown);
    }

    private static (BinaryCodes Queries, BinaryCodes Database) FromRandom(int bits, int queries, int size, Random random)
    {
        Console.WriteLine($"uniformly random {bits}-bit codes: {queries:N0} queries x {size:N0} database codes");
        return (RandomCodes.Create(queries, bits, random), RandomCodes.Create(size, bits, random));
    }

    private static void Print(IndexBenchmarkResult result)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"index: {result.Layout.Count} substrings ({string.Join(", ", result.Layout.Lengths)} bits), tables {result.TableBytes / 1e6:F0} MB, built in {result.Build.Wall.TotalSeconds:F2} s; {Environment.ProcessorCount} cores"));
        Console.WriteLine($"{"K",6} {"linear s",9} {"index s",9} {"speed-up",9} {"(processor time)",17} {"keys/query",11} {"measured/query",15} results");
        foreach (var row in result.Rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.K,6} {row.Linear.Wall.TotalSeconds,9:F3} {row.Index.Wall.TotalSeconds,9:F3} {row.Speedup,8:F2}x {row.ProcessorSpeedup,16:F2}x {row.KeysPerQuery,11:N0} {row.CodesMeasuredPerQuery,15:N0} {(row.Identical ? "identical" : "DIFFER")}"));
    }
}
