using System.CommandLine;
using System.Globalization;
using Doc2Hash.Data;
using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Training;

namespace Doc2Hash.Cli.Commands;

/// <summary>
/// `doc2hash bench training`: seconds per training epoch of the same Doc2hash model fed dense input with Adam (the
/// authors' computation), sparse EmbeddingBag input with Adam (the default) and sparse input with LazyAdam (the
/// opt-in optimiser ablation), measured in one process on one dataset, with their speed-ups over dense (issue 3's
/// speed target: >= 3x).
/// </summary>
internal static class BenchTrainingCommand
{
    /// <summary>Validation and test documents kept for the benchmark: the per-epoch evaluation is not what is timed.</summary>
    private const int EvaluationDocuments = 100;

    /// <summary>Minibatches timed for the forward + backward comparison.</summary>
    private const int PassBatches = 20;

    /// <summary>One timed configuration: input layout and optimiser.</summary>
    private sealed record Variant(string Label, InputLayout Layout, OptimizerKind Optimizer);

    private static readonly Variant Dense = new("dense input + adam", InputLayout.Dense, OptimizerKind.Adam);

    private static readonly Variant[] Variants =
    [
        Dense,
        new("sparse input + adam", InputLayout.SparseBag, OptimizerKind.Adam),
        new("sparse input + lazy-adam", InputLayout.SparseBag, OptimizerKind.LazyAdam),
    ];

    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = $"Dataset name (e.g. ng20 from the mirror); default: a synthetic corpus of 20NG's shape ({NeuralRunSupport.Synthetic20NgScale}).", DefaultValueFactory = _ => NeuralRunSupport.Synthetic20NgScale };
        var bits = new Option<int>("--bits") { Description = "Code length in bits.", DefaultValueFactory = _ => 32 };
        var epochs = new Option<int>("--epochs") { Description = "Timed epochs per variant (the fastest and the mean are reported).", DefaultValueFactory = _ => 2 };
        var device = CliOptions.Device();
        var threads = CliOptions.Threads();
        var command = new Command("training", "Seconds per training epoch of Doc2hash: dense input + Adam, sparse EmbeddingBag input + Adam, sparse input + LazyAdam, and speed-ups over dense.");
        foreach (var option in new Option[] { dataset, bits, epochs, device, threads }) command.Options.Add(option);
        command.SetAction(parse => {
            CliOptions.ApplyThreads(parse, threads);
            var data = NeuralRunSupport.LoadDataset(parse.GetValue(dataset)!);
            data = data with
            {
                Validation = Head(data.Validation),
                Test = Head(data.Test),
            };
            var features = data.Train.Features;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{data.Name}: {features.Rows} training documents x {features.Columns} words, density {(double)features.NonZeros / features.Rows / features.Columns:P2}, {parse.GetValue(bits)} bits, torch threads {TorchSharp.torch.get_num_threads()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"input rows a minibatch touches (what lazy-adam updates): {MeanTouchedRows(features, new Doc2HashMethod().Preset(parse.GetValue(bits)).Training.BatchSize):F0} of {features.Columns} on average"));
            var target = TorchEnvironment.ResolveDevice(parse.GetValue(device)!);
            var passes = Variants.ToDictionary(v => v, v => MeasurePasses(data, v, parse.GetValue(bits), target));
            Console.WriteLine("forward + backward only (no optimizer), ms per minibatch: " + string.Join(", ",
                passes.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{InputName(kv.Key)} {kv.Value:F1} ({passes[Dense] / kv.Value:F2}x)"))));
            var epochSeconds = Variants.ToDictionary(v => v, v => Measure(data, v, parse.GetValue(bits), parse.GetValue(epochs), target));
            foreach (var variant in Variants.Where(v => v != Dense))
            {
                var (fastest, mean) = epochSeconds[variant];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"speed-up of {variant.Label} over {Dense.Label} (seconds per epoch): fastest {epochSeconds[Dense].Fastest / fastest:F2}x, mean {epochSeconds[Dense].Mean / mean:F2}x"));
            }
            return 0;
        });
        return command;
    }

    private static (double Fastest, double Mean) Measure(HashingDataset data, Variant variant, int bits, int epochs, TorchSharp.torch.Device device)
    {
        var preset = new Doc2HashMethod().Preset(bits);
        using var model = new Doc2HashModel(preset.Model with { Input = variant.Layout }, data.VocabularySize, preset.Training.Seed, device);
        var trainer = new Trainer(preset.Training with { Epochs = epochs, Optimizer = variant.Optimizer });
        var seconds = trainer.Fit(model, data).History.Select(r => r.TrainSeconds).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{variant.Label,-25} seconds per epoch: {string.Join(", ", seconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))} (fastest {seconds.Min():F2}, mean {seconds.Average():F2})"));
        return (seconds.Min(), seconds.Average());
    }

    /// <summary>What the forward/backward timing distinguishes: LazyAdam's variant differs there by its sparse gradient.</summary>
    private static string InputName(Variant variant) => variant.Optimizer == OptimizerKind.LazyAdam
        ? "sparse input, sparse gradient"
        : variant.Layout == InputLayout.Dense ? "dense input" : "sparse input";

    /// <summary>
    /// Milliseconds per minibatch of the loss's forward and backward passes alone (no optimiser update), over
    /// <see cref="PassBatches"/> minibatches after one warm-up: the part of a step the input layout (and the kind of
    /// gradient it leaves) changes.
    /// </summary>
    private static double MeasurePasses(HashingDataset data, Variant variant, int bits, TorchSharp.torch.Device device)
    {
        var preset = new Doc2HashMethod().Preset(bits);
        using var model = new Doc2HashModel(preset.Model with { Input = variant.Layout }, data.VocabularySize, preset.Training.Seed, device);
        model.UseSparseRowGradients(variant.Optimizer == OptimizerKind.LazyAdam);
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

    /// <summary>Distinct words per minibatch of consecutive training rows, averaged over the minibatches.</summary>
    private static double MeanTouchedRows(Doc2Hash.Text.SparseMatrix features, int batchSize)
    {
        var counts = new List<int>();
        for (int start = 0; start < features.Rows; start += batchSize)
        {
            var words = new HashSet<int>();
            for (int r = start; r < Math.Min(start + batchSize, features.Rows); r++) words.UnionWith(features.RowIndices(r).ToArray());
            counts.Add(words.Count);
        }
        return counts.Average();
    }

    private static DatasetSplit Head(DatasetSplit split)
    {
        var rows = Enumerable.Range(0, Math.Min(EvaluationDocuments, split.Count)).ToArray();
        return new DatasetSplit(split.Features.SelectRows(rows), split.Labels.SelectRows(rows));
    }
}
