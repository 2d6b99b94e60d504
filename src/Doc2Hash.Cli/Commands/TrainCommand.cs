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
        var dataset = new Option<string?>("--dataset") { Description = "Prepared dataset name, e.g. ng20 or reuters (required unless --resume)." };
        var device = CliOptions.Device();
        var runsDir = CliOptions.RunsDirectory();
        var threads = CliOptions.Threads();
        var resume = new Option<string?>("--resume") { Description = "Continue an interrupted run folder from its last checkpoint (its config.json is used as is)." };
        var settings = new MethodOptions();

        var command = new Command("train", "Train (or fit) any method from its preset, every value overridable; writes a run folder with config, summary, timings and the learned state (neural methods: metrics per epoch and checkpoints).");
        foreach (var option in new Option[] { method, dataset, device, runsDir, threads, resume }) command.Options.Add(option);
        settings.AddTo(command);

        command.SetAction(parse => CliErrors.Run(() =>
        {
            CliOptions.ApplyThreads(parse, threads);
            if (parse.GetValue(resume) is { } resumePath)
            {
                var run = RunFolder.Open(resumePath);
                var stored = run.ReadConfig();
                Console.WriteLine($"resuming {run.Path}");
                Print(Experiment.Resume(run, NeuralRunSupport.LoadDataset(stored.Dataset), PrintEpochs));
                return 0;
            }
            var datasetName = parse.GetValue(dataset) ?? throw new ArgumentException("--dataset is required (or --resume RUN to continue a run).");
            var config = Configure(parse, datasetName);
            var data = NeuralRunSupport.LoadDataset(datasetName);
            Console.WriteLine($"{config.Method} on {data.Name}: {data.Train.Count} train / {data.Validation.Count} validation / {data.Test.Count} test documents, {data.VocabularySize} words, {config.Bits} bits");
            var (_, summary) = Experiment.Train(config, data, parse.GetValue(runsDir)!, (trainer, run) =>
            {
                Console.WriteLine($"run folder: {run.Path}");
                PrintEpochs(trainer, run);
            });
            Print(summary);
            return 0;
        }));
        return command;
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
