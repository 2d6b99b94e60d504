using System.CommandLine;
using System.Globalization;
using Doc2Hash.Data;
using Doc2Hash.Experiments;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Training;

namespace Doc2Hash.Cli.Commands;

/// <summary>
/// `doc2hash bench training`: seconds per training epoch of the same Doc2hash model with the sparse EmbeddingBag
/// input and with a dense Linear input, measured in one process on one dataset (issue 3's speed target: >= 3x).
/// </summary>
internal static class BenchTrainingCommand
{
    /// <summary>Validation and test documents kept for the benchmark: the per-epoch evaluation is not what is timed.</summary>
    private const int EvaluationDocuments = 100;

    /// <summary>Minibatches timed for the forward + backward comparison.</summary>
    private const int PassBatches = 20;

    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = $"Dataset name; default: a synthetic corpus of 20NG's shape ({NeuralRunSupport.Synthetic20NgScale}).", DefaultValueFactory = _ => NeuralRunSupport.Synthetic20NgScale };
        var bits = new Option<int>("--bits") { Description = "Code length in bits.", DefaultValueFactory = _ => 32 };
        var epochs = new Option<int>("--epochs") { Description = "Timed epochs per input layout (the fastest and the mean are reported).", DefaultValueFactory = _ => 2 };
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto.", DefaultValueFactory = _ => "cpu" };
        var threads = new Option<int?>("--threads") { Description = "torch intra-op threads (default: torch's choice)." };
        var command = new Command("training", "Seconds per training epoch of Doc2hash with sparse EmbeddingBag input vs dense input, and their ratio.");
        foreach (var option in new Option[] { dataset, bits, epochs, device, threads }) command.Options.Add(option);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            if (parse.GetValue(threads) is { } count) TorchSharp.torch.set_num_threads(count);
            var data = NeuralRunSupport.LoadDataset(parse.GetValue(dataset)!);
            data = data with
            {
                Validation = Head(data.Validation),
                Test = Head(data.Test),
            };
            var features = data.Train.Features;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{data.Name}: {features.Rows} training documents x {features.Columns} words, density {(double)features.NonZeros / features.Rows / features.Columns:P2}, {parse.GetValue(bits)} bits, torch threads {TorchSharp.torch.get_num_threads()}"));
            var target = TorchEnvironment.ResolveDevice(parse.GetValue(device)!);
            var sparsePass = MeasurePasses(data, InputLayout.SparseBag, parse.GetValue(bits), target);
            var densePass = MeasurePasses(data, InputLayout.Dense, parse.GetValue(bits), target);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"forward + backward only (no optimizer): sparse {sparsePass:F1} ms, dense {densePass:F1} ms per minibatch, ratio {densePass / sparsePass:F2}x"));
            var sparse = Measure(data, InputLayout.SparseBag, parse.GetValue(bits), parse.GetValue(epochs), target);
            var dense = Measure(data, InputLayout.Dense, parse.GetValue(bits), parse.GetValue(epochs), target);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speed-up (dense / sparse seconds per epoch): fastest {dense.Fastest / sparse.Fastest:F2}x, mean {dense.Mean / sparse.Mean:F2}x"));
            return 0;
        }));
        return command;
    }

    private static (double Fastest, double Mean) Measure(HashingDataset data, InputLayout layout, int bits, int epochs, TorchSharp.torch.Device device)
    {
        var preset = Doc2HashPresets.Unsupervised(bits);
        using var model = new Doc2HashModel(preset.Model with { Input = layout }, data.VocabularySize, preset.Training.Seed, device);
        var trainer = new Trainer(preset.Training with { Epochs = epochs, ShowProgress = false });
        var seconds = trainer.Fit(model, data).History.Select(r => r.TrainSeconds).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{layout,-10} seconds per epoch: {string.Join(", ", seconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))} (fastest {seconds.Min():F2}, mean {seconds.Average():F2})"));
        return (seconds.Min(), seconds.Average());
    }

    /// <summary>
    /// Milliseconds per minibatch of the loss's forward and backward passes alone (no Adam update), over
    /// <see cref="PassBatches"/> minibatches after one warm-up: the part of a step the input layout changes.
    /// </summary>
    private static double MeasurePasses(HashingDataset data, InputLayout layout, int bits, TorchSharp.torch.Device device)
    {
        var preset = Doc2HashPresets.Unsupervised(bits);
        using var model = new Doc2HashModel(preset.Model with { Input = layout }, data.VocabularySize, preset.Training.Seed, device);
        using var generator = new TorchSharp.torch.Generator(1, device);
        var clock = new System.Diagnostics.Stopwatch();
        for (int b = 0; b <= PassBatches; b++)
        {
            using var scope = TorchSharp.torch.NewDisposeScope();
            var rows = Enumerable.Range(b * preset.Training.BatchSize % (data.Train.Count - preset.Training.BatchSize), preset.Training.BatchSize).ToArray();
            var batch = new TrainingBatch(data.Train.Features.SelectRows(rows), data.Train.Labels.SelectRows(rows));
            if (b == 1) clock.Start();   // minibatch 0 warms up
            model.ComputeLoss(batch, new StepContext(0, b, generator)).Total.backward();
            foreach (var parameter in model.parameters()) parameter.grad = null;
        }
        return clock.Elapsed.TotalMilliseconds / PassBatches;
    }

    private static DatasetSplit Head(DatasetSplit split)
    {
        var rows = Enumerable.Range(0, Math.Min(EvaluationDocuments, split.Count)).ToArray();
        return new DatasetSplit(split.Features.SelectRows(rows), split.Labels.SelectRows(rows));
    }
}
