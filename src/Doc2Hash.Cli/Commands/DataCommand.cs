using System.CommandLine;
using System.Globalization;
using Doc2Hash.Data;
using Doc2Hash.Data.Formats;
using Doc2Hash.Reporting;

namespace Doc2Hash.Cli.Commands;

/// <summary>`doc2hash data ...`: list, prepare, summarise and export datasets.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var command = new Command("data", "Corpora: list the registered datasets, prepare TF-IDF splits, print statistics, export to the VDSH .mat layout.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Prepare());
        command.Subcommands.Add(Stats());
        command.Subcommands.Add(Export());
        return command;
    }

    static Argument<string> DatasetArgument() => new("dataset")
    {
        Description = $"A registered dataset ({string.Join(", ", DatasetRegistry.Names)}), a user corpus path (folder, .csv, .jsonl) or a VDSH .mat file.",
    };

    static Command List()
    {
        var command = new Command("list", "List the registered datasets with their sources and split rules.");
        command.SetAction(_ =>
        {
            foreach (var entry in DatasetRegistry.All)
            {
                Console.WriteLine($"{entry.Name,-16} {entry.Description}");
                Console.WriteLine($"{"",-16} split: {entry.SplitRule}; labels: {entry.DefaultLabels}");
            }
            return 0;
        });
        return command;
    }

    static Command Prepare()
    {
        var dataset = DatasetArgument();
        var rebuild = new Option<bool>("--rebuild") { Description = "Ignore the processed cache and prepare from the sources again." };
        var data = new DataOptionsBinder();
        var command = new Command("prepare", "Read a corpus from its canonical files, preprocess it (the authors' pipeline) and cache the TF-IDF splits.");
        command.Arguments.Add(dataset);
        command.Options.Add(rebuild);
        data.AddTo(command);
        command.SetAction(parse => {
            var prepared = Load(parse.GetValue(dataset)!, data.Bind(parse), parse.GetValue(rebuild));
            Console.WriteLine(DatasetSummary.ToText(prepared.Dataset, DatasetSummary.Compute(prepared.Dataset)));
            return 0;
        });
        return command;
    }

    static Command Stats()
    {
        var dataset = DatasetArgument();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var data = new DataOptionsBinder();
        var command = new Command("stats", "Prepare (or load from the cache) a dataset and print per-split statistics as a DataFrame.");
        command.Arguments.Add(dataset);
        command.Options.Add(json);
        data.AddTo(command);
        command.SetAction(parse => {
            var asJson = parse.GetValue(json);
            var prepared = Load(parse.GetValue(dataset)!, data.Bind(parse), rebuild: false, quiet: asJson);
            var rows = DatasetSummary.Compute(prepared.Dataset);
            Console.WriteLine(asJson ? DatasetSummary.ToJson(prepared.Dataset, rows) : DatasetSummary.ToText(prepared.Dataset, rows));
            return 0;
        });
        return command;
    }

    static Command Export()
    {
        var dataset = DatasetArgument();
        var format = new Option<string>("--format") { Description = "Output format: mat (VDSH layout: train/cv/test sparse TF-IDF, gnd_* labels).", DefaultValueFactory = _ => "mat" };
        format.AcceptOnlyFromAmong("mat");
        var output = new Option<string?>("--out") { Description = "Output file (default: <dataset>.tfidf.mat in the current folder)." };
        var force = new Option<bool>("--force") { Description = "Replace an existing output file." };
        var uncompressed = new Option<bool>("--uncompressed") { Description = "Write uncompressed elements (larger, faster)." };
        var data = new DataOptionsBinder();
        var command = new Command("export", "Write the prepared splits in the VDSH .mat layout so Python codebases can train on the kit's exact splits.");
        command.Arguments.Add(dataset);
        foreach (var option in new Option[] { format, output, force, uncompressed }) command.Options.Add(option);
        data.AddTo(command);
        command.SetAction(parse => {
            var prepared = Load(parse.GetValue(dataset)!, data.Bind(parse), rebuild: false);
            string path = parse.GetValue(output) ?? $"{prepared.Dataset.Name}.tfidf.mat";
            VdshMatDataset.Save(prepared.Dataset, path, compress: !parse.GetValue(uncompressed), overwrite: parse.GetValue(force));
            Console.WriteLine($"wrote {Path.GetFullPath(path)} ({new FileInfo(path).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
            return 0;
        });
        return command;
    }

    /// <summary>Loads a dataset through the catalog, reporting downloads, where it came from and any warning on stderr.</summary>
    internal static PreparedDataset Load(string name, DataOptions options, bool rebuild, bool quiet = false)
    {
        var prepared = DatasetCatalog.Load(name, options, progress: new ConsoleProgress(), rebuild: rebuild);
        if (!quiet)
            Console.Error.WriteLine($"{prepared.Dataset.Name}: {(prepared.FromCache ? "cached" : "prepared")} in {prepared.Elapsed.TotalSeconds:0.00} s ({prepared.CacheNote})");
        foreach (string warning in prepared.Warnings) Console.Error.WriteLine($"warning: {warning}");
        return prepared;
    }
}
