using System.CommandLine;
using System.Globalization;
using Doc2Hash.Experiments;
using Doc2Hash.Training;

namespace Doc2Hash.Cli.Commands;

/// <summary>`doc2hash eval RUN`: reloads a run's learned method (any catalog method) and recomputes validation and test precision@K.</summary>
internal static class EvalCommand
{
    static readonly int[] CurveDepths = [10, 50, 100, 200, 500, 1000];

    public static Command Create()
    {
        var runPath = new Argument<string>("run") { Description = "A run folder written by `doc2hash train` or `reproduce`." };
        var k = new Option<int>("--k") { Description = "K of precision@K.", DefaultValueFactory = _ => 100 };
        var device = CliOptions.Device();
        var command = new Command("eval", "Reload a run's learned method (neural: best checkpoint) and recompute precision@K and friends on validation and test (queries) against train (database).");
        command.Arguments.Add(runPath);
        command.Options.Add(k);
        command.Options.Add(device);
        command.SetAction(parse => {
            var run = RunFolder.Open(parse.GetValue(runPath)!);
            var data = NeuralRunSupport.LoadDataset(run.ReadConfig().Dataset);
            var result = Experiment.Evaluate(run, data, parse.GetValue(k), TorchEnvironment.ResolveDevice(parse.GetValue(device)!), CurveDepths);
            Console.WriteLine($"{run.Path}\nbest epoch {result.BestEpoch} ({result.SelectionProtocol}); queries vs the {data.Train.Count} training codes");
            Print("validation", result.Validation);
            Print("test", result.Test);
            var stats = result.TrainCodes;
            double meanAbsCorrelation = MeanOffDiagonal(stats.Correlation);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"train codes: {stats.OnesShare:P1} ones, per-bit ones rate {stats.OnesRate.Min():F3}..{stats.OnesRate.Max():F3}, mean bit entropy {stats.MeanEntropy:F3} bits, mean |bit correlation| {meanAbsCorrelation:F3}, distinct codes {stats.DistinctShare:P1}"));
            return 0;
        });
        return command;
    }

    static void Print(string split, Doc2Hash.Evaluation.RetrievalReport r)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{split,-10} P@{r.K} {r.PrecisionAtK:F4}  tie-aware P@{r.K} {r.TieAwarePrecisionAtK:F4}  mAP@{r.K} {r.MeanAveragePrecisionAtK:F4}  NDCG@{r.K} {r.NdcgAtK:F4}  P(r<={r.HammingRadius}) {r.PrecisionWithinRadius:F4}  mean tied at K-th distance {r.MeanTiedAtKthDistance:F1}"));
        Console.WriteLine($"{"",-10} curve " + string.Join("  ", r.PrecisionCurve.Select(p => string.Create(CultureInfo.InvariantCulture, $"P@{p.K} {p.Precision:F4}"))));
    }

    static double MeanOffDiagonal(double[,] m)
    {
        int n = m.GetLength(0);
        if (n < 2) return 0;
        double sum = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (i != j) sum += Math.Abs(m[i, j]);
        return sum / (n * (n - 1));
    }
}
