using System.CommandLine;
using Doc2Hash.Data.Formats;
using Doc2Hash.Retrieval;

namespace Doc2Hash.Cli.Commands;

/// <summary>
/// `doc2hash topk --database db.npy --queries q.npy --bits B --k K --out result`: exact top-K of packed .npy codes
/// (as `encode` and `hash` write them, and as FAISS binary indexes read them), with the kit's ranking rule.
/// </summary>
internal static class TopKCommand
{
    public static Command Create()
    {
        var database = new Option<string>("--database") { Description = "Database codes: uint8 .npy of shape (n, bits/8), numpy.packbits order.", Required = true };
        var queries = new Option<string>("--queries") { Description = "Query codes, same layout.", Required = true };
        var bits = new Option<int>("--bits") { Description = "Code length (the .npy stores bytes, not bits).", Required = true };
        var k = new Option<int>("--k") { Description = "Neighbours per query.", DefaultValueFactory = _ => 100 };
        var index = new Option<string>("--index") { Description = "linear (SIMD scan) or mih (multi-index hashing); identical results.", DefaultValueFactory = _ => "linear" };
        index.AcceptOnlyFromAmong("linear", "mih");
        var output = new Option<string>("--out") { Description = "Output prefix: <out>.indices.npy and <out>.distances.npy (int32, queries x K).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace existing output files." };
        var command = new Command("topk", "Exact Hamming top-K of packed .npy codes: ranked by distance, ties by database index.");
        foreach (var option in new Option[] { database, queries, bits, k, index, output, force }) command.Options.Add(option);
        command.SetAction(parse => {
            int length = parse.GetValue(bits);
            var databaseCodes = PackedCodesNpy.Read(parse.GetValue(database)!, length);
            var queryCodes = PackedCodesNpy.Read(parse.GetValue(queries)!, length);
            int depth = parse.GetValue(k);
            var result = parse.GetValue(index) == "mih"
                ? MultiIndexHashing.Build(databaseCodes).TopK(queryCodes, depth)
                : HammingSearch.TopK(queryCodes, databaseCodes, depth);
            string prefix = parse.GetValue(output)!;
            NpyWriter.WriteInt32(prefix + ".indices.npy", [queryCodes.Count, depth], result.Indices, parse.GetValue(force));
            NpyWriter.WriteInt32(prefix + ".distances.npy", [queryCodes.Count, depth], result.Distances, parse.GetValue(force));
            Console.WriteLine($"top-{depth} of {queryCodes.Count:N0} queries in {databaseCodes.Count:N0} codes -> {prefix}.indices.npy, {prefix}.distances.npy");
            return 0;
        });
        return command;
    }
}
