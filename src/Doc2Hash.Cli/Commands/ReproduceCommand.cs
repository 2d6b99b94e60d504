using System.CommandLine;
using Doc2Hash.Data;
using Doc2Hash.Configuration;
using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Reporting;
using Doc2Hash.Reporting.Figures;
using Doc2Hash.Training;

namespace Doc2Hash.Cli.Commands;

/// <summary>`doc2hash reproduce` (the main job) and `doc2hash report` (tables and figures from run folders).</summary>
internal static class ReproduceCommand
{
    public static Command Create()
    {
        var defaults = new ReproductionPlan();
        var datasets = new Option<string>("--datasets") { Description = "Comma-separated datasets.", DefaultValueFactory = _ => string.Join(',', defaults.Datasets) };
        var bits = new Option<string>("--bits") { Description = "Comma-separated code lengths.", DefaultValueFactory = _ => string.Join(',', defaults.Bits) };
        var klForms = new Option<string>("--kl-forms") { Description = $"Comma-separated KL forms ({string.Join(", ", OptionValues.Spellings(typeof(KlForm)))}), for methods that have one.", DefaultValueFactory = _ => string.Join(',', defaults.KlForms.Select(f => OptionValues.Format(f))) };
        var methods = new Option<string>("--methods") { Description = $"Comma-separated methods: {string.Join(", ", MethodCatalog.Names)} (`doc2hash methods`).", DefaultValueFactory = _ => string.Join(',', defaults.Methods) };
        var epochs = new Option<int>("--epochs") { Description = "Epoch budget per run.", DefaultValueFactory = _ => defaults.Epochs };
        var seed = new Option<int>("--seed") { Description = "Seed of every run.", DefaultValueFactory = _ => defaults.Seed };
        var device = CliOptions.Device();
        var threads = CliOptions.Threads();
        var runs = CliOptions.RunsDirectory();
        var results = new Option<string>("--results-dir") { Description = "Generated tables.", DefaultValueFactory = _ => defaults.ResultsDirectory };
        var data = new DataOptionsBinder();
        var command = new Command("reproduce", "The main job: prepare the corpora, run every dataset x method x KL form x bit length (default: Doc2hash; resumable: finished runs are skipped), and regenerate the result tables.");
        foreach (var option in new Option[] { datasets, methods, bits, klForms, epochs, seed, device, threads, runs, results }) command.Options.Add(option);
        data.AddTo(command);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            CliOptions.ApplyThreads(parse, threads);
            var plan = defaults with
            {
                Datasets = List(parse.GetValue(datasets)!),
                Bits = [.. List(parse.GetValue(bits)!).Select(int.Parse)],
                KlForms = [.. List(parse.GetValue(klForms)!).Select(OptionValues.Parse<KlForm>)],
                Methods = [.. List(parse.GetValue(methods)!).Select(name => MethodCatalog.Get(name).Name)],
                Epochs = parse.GetValue(epochs),
                Seed = parse.GetValue(seed),
                Device = parse.GetValue(device)!,
                RunsDirectory = parse.GetValue(runs)!,
                ResultsDirectory = parse.GetValue(results)!,
            };
            var dataOptions = data.Bind(parse);
            var records = Reproduction.Run(plan, name =>
            {
                var prepared = DataCommand.Load(name, dataOptions, rebuild: false);
                Console.WriteLine(DatasetSummary.ToText(prepared.Dataset, DatasetSummary.Compute(prepared.Dataset)));
                return prepared;
            }, Console.WriteLine, (trainer, _) =>
            {
                TrainingProgressBar.Attach(trainer);
                trainer.EpochCompleted += (_, report) => Console.WriteLine("  " + Trainer.Describe(report));
            });
            WriteTables(records, plan.ResultsDirectory);
            return 0;
        }));
        return command;
    }

    public static Command Report()
    {
        var runs = CliOptions.RunsDirectory("Run folders to read.");
        var results = new Option<string>("--results-dir") { Description = "Where the tables (and figures/) go.", DefaultValueFactory = _ => "results" };
        var command = new Command("report", "Regenerate the result tables (Markdown + CSV) and figures (results/figures: P@100 vs bits per dataset, PNG + HTML) from the run folders' summaries.");
        command.Options.Add(runs);
        command.Options.Add(results);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            WriteTables(RunRecord.Scan(parse.GetValue(runs)!), parse.GetValue(results)!);
            return 0;
        }));
        return command;
    }

    static void WriteTables(IReadOnlyList<RunRecord> records, string resultsDirectory)
    {
        Console.WriteLine(ResultsTable.Markdown(records));
        foreach (string path in ResultsTable.Write(records, resultsDirectory)) Console.WriteLine($"wrote {path}");
        string figures = Path.Combine(resultsDirectory, "figures");
        foreach (var figure in ResultsFigures.PrecisionVsBits(records))
            foreach (string path in figure.Save(figures)) Console.WriteLine($"wrote {path}");
    }

    static IReadOnlyList<string> List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
