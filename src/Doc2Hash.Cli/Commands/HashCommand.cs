using System.CommandLine;
using Doc2Hash.Data.Formats;
using Doc2Hash.Data.Readers;
using Doc2Hash.Experiments;
using Doc2Hash.Training;

namespace Doc2Hash.Cli.Commands;

/// <summary>`doc2hash hash RUN --input docs.jsonl --out codes.npy`: codes for new documents in bulk.</summary>
internal static class HashCommand
{
    public static Command Create()
    {
        var runPath = new Argument<string>("run") { Description = "A run folder written by `doc2hash train`." };
        var input = new Option<string>("--input") { Description = "JSON Lines: one {\"text\": \"...\", \"id\": ...} object per line (id optional).", Required = true };
        var output = new Option<string>("--out") { Description = "Output .npy: uint8 (documents x bits/8) in numpy.packbits order, as `doc2hash encode` writes.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace an existing output file." };
        var dataset = new Option<string?>("--dataset") { Description = "The run's dataset, if not found under the name in config.json." };
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto.", DefaultValueFactory = _ => "cpu" };
        var command = new Command("hash", "Hash new documents with the run's text model (its dataset's exact preprocessing) and best checkpoint; row i of the output is line i's document.");
        command.Arguments.Add(runPath);
        foreach (var option in new Option[] { input, output, force, dataset, device }) command.Options.Add(option);
        command.SetAction(parse => {
            var run = RunFolder.Open(parse.GetValue(runPath)!);
            if (File.Exists(parse.GetValue(output)) && !parse.GetValue(force))
                throw new IOException($"'{Path.GetFullPath(parse.GetValue(output)!)}' already exists; choose another --out or pass --force to replace it.");
            var documents = JsonlCorpusReader.ReadDocuments(parse.GetValue(input)!);
            if (documents.Count == 0) throw new ArgumentException($"'{parse.GetValue(input)}' holds no document; write one JSON object with a \"text\" string per line.");
            var (prepared, _) = TextRunSupport.Load(run, parse.GetValue(dataset));
            using var hasher = TextHasher.Open(run, prepared.Dataset, TorchEnvironment.ResolveDevice(parse.GetValue(device)!));
            var features = hasher.Vectorize([.. documents.Select(d => d.Text)]);
            var codes = hasher.Encode(features);
            string path = Path.GetFullPath(parse.GetValue(output)!);
            PackedCodesNpy.Write(path, codes, overwrite: parse.GetValue(force));
            int empty = Enumerable.Range(0, features.Rows).Count(r => features.RowIndices(r).Length == 0);
            Console.WriteLine($"{codes.Count:N0} documents x {codes.Bits} bits -> {path}");
            if (empty > 0) Console.WriteLine($"note: {empty:N0} document(s) contain no vocabulary word (their codes carry no information), e.g. id \"{documents[Enumerable.Range(0, features.Rows).First(r => features.RowIndices(r).Length == 0)].Id}\".");
            return 0;
        });
        return command;
    }
}
