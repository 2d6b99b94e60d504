using System.CommandLine;
using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Study;
using Doc2Hash.Reporting;
using Doc2Hash.Reporting.Tables;
using Doc2Hash.Training;

namespace Doc2Hash.Cli.Commands;

/// <summary>`doc2hash reproduce` (the study grid, then the report) and `doc2hash report` (tables and figures from run records).</summary>
internal static class ReproduceCommand
{
    public static Command Create()
    {
        var profile = new Option<string>("--profile") { Description = "quick (real corpora, few epochs, about 10 minutes) or paper (the paper's settings).", DefaultValueFactory = _ => StudyProfile.Quick.Name };
        var datasets = new Option<string?>("--datasets") { Description = "Comma-separated datasets (default: the profile's)." };
        var methods = new Option<string?>("--methods") { Description = $"Comma-separated methods: {string.Join(", ", StudyCatalog.Methods)} (default: the profile's)." };
        var bits = new Option<string?>("--bits") { Description = "Comma-separated code lengths (default: the profile's)." };
        var seeds = new Option<string?>("--seeds") { Description = "Comma-separated seeds (default: the profile's)." };
        var ablations = new Option<string?>("--ablations") { Description = $"Comma-separated ablations, or none: {string.Join(", ", StudyCatalog.Ablations.Select(a => a.Name))} (default: the profile's)." };
        var device = CliOptions.Device();
        var threads = CliOptions.Threads();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan and the expected time, then stop." };
        var dirs = new DirectoryOptions();
        var data = new DataOptionsBinder();
        var command = new Command("reproduce", "The main job: run the study grid (methods x datasets x bits x seeds, plus ablations) resumably, then regenerate every table and figure from the run records.");
        foreach (var option in new Option[] { profile, datasets, methods, bits, seeds, ablations, device, threads, dryRun }) command.Options.Add(option);
        dirs.AddTo(command);
        data.AddTo(command);
        command.SetAction(parse => {
            CliOptions.ApplyThreads(parse, threads);
            var named = StudyProfile.Named(parse.GetValue(profile)!);
            var chosen = named with
            {
                Datasets = List(parse.GetValue(datasets)) ?? named.Datasets,
                Methods = List(parse.GetValue(methods)) ?? named.Methods,
                Bits = Numbers(parse.GetValue(bits), "--bits") ?? named.Bits,
                Seeds = Numbers(parse.GetValue(seeds), "--seeds") ?? named.Seeds,
                Ablations = List(parse.GetValue(ablations)) is { } a ? [.. a.Where(x => x != "none")] : named.Ablations,
                Device = parse.GetValue(device)!,
            };
            StudyGrid.Cells(chosen);   // validates names and sizes before any data is loaded
            TorchEnvironment.ResolveDevice(chosen.Device);
            var dataOptions = data.Bind(parse);
            var executor = new ExperimentRunExecutor(name => NeuralRunSupport.LoadDataset(name, dataOptions));
            var directories = dirs.Bind(parse);
            var plan = StudyPlan.Create(chosen, executor, directories);
            Console.WriteLine(plan.Describe());
            if (parse.GetValue(dryRun)) return 0;
            var outcome = StudyDisplay.Run(plan.Steps, observe => plan.Run(executor, directories, observe));
            Console.WriteLine($"Study finished in {StudyDisplay.Time(outcome.Elapsed)}: {outcome.Done} done, {outcome.Skipped} skipped, {outcome.Failed} failed.");
            foreach (var failure in outcome.Failures) Console.WriteLine($"  failed: {failure.Run}: {failure.Message}");
            if (outcome.Done + outcome.Skipped > 0) WriteReport(directories, dirs.Results(parse), figures: true);
            if (outcome.Failed == 0) return 0;
            Console.Error.WriteLine(FailureSummary(outcome));
            return CliErrors.Failed;
        });
        return command;
    }

    public static Command Report()
    {
        var dirs = new DirectoryOptions();
        var noFigures = new Option<bool>("--no-figures") { Description = "Write the tables only." };
        var command = new Command("report", "Regenerate every table (Markdown, LaTeX, CSV under results/tables) and figure (results/figures) from the run folders and the committed run records, merged; refuses to write empty tables.");
        dirs.AddTo(command);
        command.Options.Add(noFigures);
        command.SetAction(parse => {
            WriteReport(dirs.Bind(parse), dirs.Results(parse), figures: !parse.GetValue(noFigures));
            return 0;
        });
        return command;
    }

    /// <summary>One paragraph naming every failed cell and where its failure is recorded (failed.json in its run folder).</summary>
    internal static string FailureSummary(StudyOutcome outcome) =>
        $"error: {outcome.Failed} of {outcome.Done + outcome.Skipped + outcome.Failed} runs failed and are recorded as failed (left out of the tables): " +
        string.Join("; ", outcome.Failures.Select(f => $"{f.Run} ({f.Message})")) +
        ". The other runs finished and the tables were regenerated from them. Change the failed cells' settings, or narrow the study with --datasets/--methods/--bits, and run again.";

    static void WriteReport(StudyDirectories directories, string results, bool figures)
    {
        var runs = RunCollection.Load(directories.Runs, directories.Records);
        var report = StudyReport.Write(runs, results, figures);
        foreach (var table in report.Tables.Where(t => t.Name.EndsWith("-unsupervised", StringComparison.Ordinal) || t.Name.EndsWith("-supervised", StringComparison.Ordinal)))
            Console.WriteLine(TableMarkdown.Render(table));
        Console.WriteLine($"Wrote {report.Written.Count} files from {runs.Runs.Count} run records ({runs.FailedCount} failed left out): {Path.Combine(results, StudyReport.TablesFolder, StudyReport.IndexFile)} lists every table.");
        // The README beside the results folder shows generated tables between markers (ReadmeTables); refill them.
        string readme = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(results))!, "README.md");
        if (File.Exists(readme))
        {
            var filled = ReadmeTables.Update(readme, report.Tables);
            if (filled.Filled.Count > 0) Console.WriteLine($"{readme}: refilled {string.Join(", ", filled.Filled)}.");
            if (filled.Missing.Count > 0) Console.WriteLine($"{readme}: no records for {string.Join(", ", filled.Missing)}; those blocks were left as they were.");
        }
    }

    static IReadOnlyList<string>? List(string? value) =>
        value is null ? null : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    static IReadOnlyList<int>? Numbers(string? value, string option) => List(value)?.Select(v => int.TryParse(v, out int n) ? n
        : throw new ArgumentException($"{option}: '{v}' is not a whole number.")).ToList();

    /// <summary>--runs-dir, --records-dir and --results-dir, shared by reproduce and report.</summary>
    sealed class DirectoryOptions
    {
        readonly Option<string> _runs = new("--runs-dir") { Description = "Run folders (with checkpoints).", DefaultValueFactory = _ => "runs" };
        readonly Option<string> _records = new("--records-dir") { Description = "Committed run records (config, summary, metrics, per-query precision).", DefaultValueFactory = _ => RunRecordStore.DefaultDirectory };
        readonly Option<string> _results = new("--results-dir") { Description = "Where tables/ and figures/ go.", DefaultValueFactory = _ => "results" };

        public void AddTo(Command command)
        {
            command.Options.Add(_runs);
            command.Options.Add(_records);
            command.Options.Add(_results);
        }

        public StudyDirectories Bind(ParseResult parse) => new(parse.GetValue(_runs)!, parse.GetValue(_records)!);

        public string Results(ParseResult parse) => parse.GetValue(_results)!;
    }
}
