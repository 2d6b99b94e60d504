using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Doc2Hash.Experiments;
using Doc2Hash.Training;

namespace Doc2Hash.Cli.Commands;

/// <summary>`doc2hash index build RUN`: the run's training documents, encoded and indexed for `doc2hash search`.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var command = new Command("index", "Search indexes of run folders.");
        command.Subcommands.Add(Build());
        return command;
    }

    private static Command Build()
    {
        var runPath = new Argument<string>("run") { Description = "A run folder written by `doc2hash train`." };
        var dataset = new Option<string?>("--dataset") { Description = "The run's dataset, if it is not found under the name in config.json (e.g. a moved user corpus); must be the same data." };
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto.", DefaultValueFactory = _ => "cpu" };
        var command = new Command("build",
            "Encode the run's training split with its best checkpoint into a multi-index hashing index, with each document's id, labels and first words (RUN/search/); also writes RUN/text-model.json.");
        command.Arguments.Add(runPath);
        command.Options.Add(dataset);
        command.Options.Add(device);
        command.SetAction(parse => {
            var clock = Stopwatch.StartNew();
            var run = RunFolder.Open(parse.GetValue(runPath)!);
            var (prepared, _) = TextRunSupport.Load(run, parse.GetValue(dataset));
            using var hasher = TextHasher.Open(run, prepared.Dataset, TorchEnvironment.ResolveDevice(parse.GetValue(device)!));
            var raw = TextRunSupport.RawTraining(parse.GetValue(dataset) ?? run.ReadConfig().Dataset);
            var index = RunSearchIndex.Build(run, hasher, prepared.Dataset, raw);
            var layout = index.Index.Layout;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"indexed {index.Documents.Count:N0} training documents of {prepared.Dataset.Name} ({hasher.Bits} bits, {layout.Count} substrings of {string.Join("/", layout.Lengths)} bits{(raw is null ? ", no texts: the dataset is a .mat file" : ", every training row reproduced from its text")}) in {clock.Elapsed.TotalSeconds:F1} s"));
            Console.WriteLine($"-> {RunSearchIndex.IndexPath(run)}, {RunSearchIndex.DocumentsPath(run)}, {RunTextModel.PathIn(run)}");
            return 0;
        });
        return command;
    }
}
