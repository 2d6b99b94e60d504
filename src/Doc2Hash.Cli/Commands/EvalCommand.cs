using System.CommandLine;
using System.Globalization;
using Doc2Hash.Experiments;
using Doc2Hash.Training;

namespace Doc2Hash.Cli.Commands;

/// <summary>`doc2hash eval RUN`: reloads a run's best checkpoint and recomputes validation and test precision@K.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var runPath = new Argument<string>("run") { Description = "A run folder written by `doc2hash train`." };
        var k = new Option<int>("--k") { Description = "K of precision@K.", DefaultValueFactory = _ => 100 };
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto.", DefaultValueFactory = _ => "cpu" };
        var command = new Command("eval", "Reload a run's best checkpoint and recompute precision@K on validation and test (queries) against train (database).");
        command.Arguments.Add(runPath);
        command.Options.Add(k);
        command.Options.Add(device);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var run = RunFolder.Open(parse.GetValue(runPath)!);
            var data = NeuralRunSupport.LoadDataset(run.ReadConfig().Dataset);
            var result = NeuralExperiment.Evaluate(run, data, parse.GetValue(k), TorchEnvironment.ResolveDevice(parse.GetValue(device)!));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{run.Path}\nbest epoch {result.BestEpoch} ({result.SelectionProtocol})\nvalidation P@{result.K} {result.ValidationPrecision:F4}\ntest       P@{result.K} {result.TestPrecision:F4}"));
            return 0;
        }));
        return command;
    }
}
