using System.CommandLine;
using System.Globalization;
using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Training;

namespace Doc2Hash.Cli.Commands;

/// <summary>
/// `doc2hash train`: one run of any catalog method from its preset, any value overridden by an option derived from
/// the method's settings record, into a new run folder (or resume one).
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var method = new Option<string>("--method") { Description = "Method (`doc2hash methods` lists them with their presets).", DefaultValueFactory = _ => Doc2HashMethod.MethodName };
        method.AcceptOnlyFromAmong([.. MethodCatalog.Names]);
        var dataset = new Option<string?>("--dataset") { Description = "Dataset: a registered name (ng20, reuters, ...), a user corpus path (folder, .csv, .jsonl; absolute or relative) or a VDSH .mat file (required unless --resume)." };
        var device = CliOptions.Device();
        var runsDir = CliOptions.RunsDirectory();
        var threads = CliOptions.Threads();
        var resume = new Option<string?>("--resume") { Description = "Continue an interrupted run folder from its last checkpoint (its config.json is used as is); a finished run is left alone, a failed one refused." };
        var settings = new MethodOptions();
        var data = new DataOptionsBinder();

        var command = new Command("train", "Train (or fit) any method from its preset, every value overridable; writes a run folder with config, summary, timings and the learned state (neural methods: metrics per epoch and checkpoints).");
        foreach (var option in new Option[] { method, dataset, device, runsDir, threads, resume }) command.Options.Add(option);
        settings.AddTo(command);
        data.AddTo(command);

        command.SetAction(parse => {
            // Everything is validated before anything is created: threads, data options, settings, device.
            CliOptions.ApplyThreads(parse, threads);
            var dataOptions = data.Bind(parse);
            if (parse.GetValue(resume) is { } resumePath) return Resume(RunFolder.Open(resumePath), dataOptions);
            var datasetName = NeuralRunSupport.DatasetName(parse.GetValue(dataset) ?? throw new ArgumentException("--dataset is required (or --resume RUN to continue a run)."));
            var config = Configure(parse, datasetName);
            Experiment.CheckDevice(config);
            var corpus = NeuralRunSupport.LoadDataset(datasetName, dataOptions);
            Console.WriteLine($"{config.Method} on {corpus.Name}: {corpus.Train.Count} train / {corpus.Validation.Count} validation / {corpus.Test.Count} test documents, {corpus.VocabularySize} words, {config.Bits} bits");
            var (_, summary) = Experiment.Train(config, corpus, parse.GetValue(runsDir)!, (trainer, run) =>
            {
                Console.WriteLine($"run folder: {run.Path}");
                PrintEpochs(trainer, run);
            });
            Print(summary);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// --resume: a finished run is left alone (no file touched, exit 0); a failed run is refused with its failure by
    /// <see cref="Experiment.Resume"/>; an interrupted one continues from its last checkpoint.
    /// </summary>
    private static int Resume(RunFolder run, Doc2Hash.Data.DataOptions dataOptions)
    {
        if (run.IsFinished)
        {
            Console.WriteLine($"{run.Path} already finished; nothing to resume and nothing was changed. Train a new run to train again.");
            return 0;
        }
        Experiment.CheckResumable(run);   // a failed run: its failure, before any data is loaded
        var stored = run.ReadConfig();
        Experiment.CheckDevice(stored);
        var corpus = NeuralRunSupport.LoadDataset(stored.Dataset, dataOptions);
        Console.WriteLine($"resuming {run.Path}");
        Print(Experiment.Resume(run, corpus, PrintEpochs));
        return 0;
    }

    /// <summary>The run configuration a parsed `train` command line describes: the method's preset at --bits with every given option applied.</summary>
    internal static RunConfig Configure(ParseResult parse, string dataset) =>
        MethodCatalog.Configure(parse.GetValue<string>("--method")!, dataset, MethodOptions.Bits(parse), MethodOptions.Given(parse), parse.GetValue<string>("--device")!);

    private static void PrintEpochs(Trainer trainer, RunFolder run)
    {
        TrainingProgressBar.Attach(trainer);
        trainer.EpochCompleted += (_, report) => Console.WriteLine(Trainer.Describe(report));
    }

    private static void Print(RunSummary summary) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"best epoch {summary.BestEpoch} ({summary.SelectionProtocol}): validation P@{summary.K} {summary.ValidationPrecision:F4}, test P@{summary.K} {summary.TestPrecision:F4}; {summary.EpochsRun} epochs, {summary.TotalSeconds:F1} s"));
}
