using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Doc2Hash.Configuration;
using Doc2Hash.Data;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Hashing;
using Doc2Hash.Training;

namespace Doc2Hash.Cli.Commands;

/// <summary>
/// `doc2hash bench step`: where a training step's time and memory go (issue 10). Runs the real <see cref="Trainer"/> on
/// the first <c>--steps</c> minibatches of the training split with a <see cref="StepProfile"/> recording, once per
/// optimiser and round (alternating, so machine load hits every variant alike), and prints per phase the median over
/// the timed epochs of the mean milliseconds per step, beside each variant's peak resident memory and GC pauses.
/// </summary>
internal static class BenchStepCommand
{
    /// <summary>Validation and test documents kept: the per-epoch evaluation is not what is measured.</summary>
    private const int EvaluationDocuments = 100;

    public static Command Create()
    {
        var method = new Option<string>("--method") { Description = "Neural method of the catalog (doc2hash, vdsh, nash, ...).", DefaultValueFactory = _ => "doc2hash" };
        var dataset = new Option<string>("--dataset") { Description = $"Dataset name (ng20 from the mirror) or {NeuralRunSupport.Synthetic20NgScale}.", DefaultValueFactory = _ => "ng20" };
        var bits = new Option<int>("--bits") { Description = "Code length in bits.", DefaultValueFactory = _ => 32 };
        var optimizers = new Option<string>("--optimizers") { Description = "Comma-separated optimisers to compare: adam, lazy-adam, and adam-unfused, lazy-adam-unfused (libtorch's kernels instead of the fused updates; same results).", DefaultValueFactory = _ => "adam,lazy-adam" };
        var steps = new Option<int>("--steps") { Description = "Minibatches per timed epoch.", DefaultValueFactory = _ => 40 };
        var repeats = new Option<int>("--repeats") { Description = "Timed epochs per round after one warm-up epoch (the median is reported).", DefaultValueFactory = _ => 3 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds over the optimisers (alternating).", DefaultValueFactory = _ => 2 };
        var device = CliOptions.Device();
        var threads = CliOptions.Threads();
        var command = new Command("step", "Per-phase breakdown of a training step (input layer, hidden layers, noise, decoder, loss, backward, optimiser, batching, GC) and peak memory, per optimiser.");
        foreach (var option in new Option[] { method, dataset, bits, optimizers, steps, repeats, rounds, device, threads }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            CliOptions.ApplyThreads(parse, threads);
            var entry = MethodCatalog.Get(parse.GetValue(method)!) as INeuralMethodEntry
                ?? throw new ArgumentException($"Method '{parse.GetValue(method)}' is not a neural method: only those have training steps.");
            var kinds = parse.GetValue(optimizers)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Variant.Parse).ToArray();
            int stepCount = Positive(parse.GetValue(steps), "--steps"), repeatCount = Positive(parse.GetValue(repeats), "--repeats"), roundCount = Positive(parse.GetValue(rounds), "--rounds");
            var full = NeuralRunSupport.LoadDataset(parse.GetValue(dataset)!);
            var settings = (INeuralSettings)entry.Preset(parse.GetValue(bits));
            var data = Subset(full, stepCount * settings.Training.BatchSize);
            var target = TorchEnvironment.ResolveDevice(parse.GetValue(device)!);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{entry.Name} on {full.Name}, {parse.GetValue(bits)} bits: {stepCount} steps of {settings.Training.BatchSize} per epoch, 1 warm-up + {repeatCount} timed epochs x {roundCount} rounds, torch threads {TorchSharp.torch.get_num_threads()}, {full.Train.Count} training documents ({(full.Train.Count + settings.Training.BatchSize - 1) / settings.Training.BatchSize} steps in a full epoch)"));
            Console.WriteLine($"malloc: {MallocTuning.Apply().Description}");

            var results = kinds.ToDictionary(k => k, _ => new List<VariantRun>());
            for (int round = 0; round < roundCount; round++)
                foreach (var kind in kinds)
                    results[kind].Add(Run(entry, settings, data, kind, repeatCount, target));
            Print(results, (full.Train.Count + settings.Training.BatchSize - 1) / settings.Training.BatchSize);
            TimeFinishEpoch(entry, settings, full, target);
            return 0;
        });
        return command;
    }

    /// <summary>One variant's fit: per timed epoch the mean ms per step of each phase; the warm-up epoch's total; memory and GC.</summary>
    private sealed record VariantRun(IReadOnlyList<IReadOnlyDictionary<string, double>> Epochs, IReadOnlyDictionary<string, double> Warmup, IReadOnlyList<double> WarmupSteps, long PeakBytes, bool PeakReset, double GcPauseMilliseconds, int Collections, double CpuPerWall);

    private static VariantRun Run(INeuralMethodEntry entry, INeuralSettings settings, HashingDataset data, Variant variant, int repeats, TorchSharp.torch.Device device)
    {
        string? fusedBefore = Environment.GetEnvironmentVariable(AdamOptimizer.FusedVariable);
        Environment.SetEnvironmentVariable(AdamOptimizer.FusedVariable, variant.Fused ? "on" : "off");
        try
        {
            return Run(entry, settings, data, variant.Kind, repeats, device);
        }
        finally
        {
            Environment.SetEnvironmentVariable(AdamOptimizer.FusedVariable, fusedBefore);
        }
    }

    private static VariantRun Run(INeuralMethodEntry entry, INeuralSettings settings, HashingDataset data, OptimizerKind kind, int repeats, TorchSharp.torch.Device device)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        bool reset = ProcessMemory.ResetPeak();
        var pause = GC.GetTotalPauseDuration();
        int collections = GC.CollectionCount(0);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        using var model = entry.Create((MethodSettings)settings, data, device);
        var trainer = new Trainer(settings.Training with { Epochs = repeats + 1, Optimizer = kind });
        IReadOnlyList<IReadOnlyDictionary<string, double>> steps;
        using (var profile = StepProfile.Start())
        {
            trainer.Fit(model, data);
            steps = profile.Steps;
        }
        int perEpoch = steps.Count / (repeats + 1);
        var epochs = Enumerable.Range(1, repeats).Select(e => MeanPerStep(steps.Skip(e * perEpoch).Take(perEpoch).ToList())).ToList();
        var warmup = steps.Take(perEpoch).ToList();
        return new VariantRun(epochs, MeanPerStep(warmup), warmup.Select(s => s.Values.Sum()).ToList(), ProcessMemory.PeakResident(), reset,
            (GC.GetTotalPauseDuration() - pause).TotalMilliseconds, GC.CollectionCount(0) - collections,
            (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / wall.Elapsed.TotalSeconds);
    }

    private static Dictionary<string, double> MeanPerStep(IReadOnlyList<IReadOnlyDictionary<string, double>> steps) =>
        steps.SelectMany(s => s).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value) / steps.Count);

    /// <summary>Phases as rows, variants as columns: median (over timed epochs of every round) ms per step and share of the step.</summary>
    private static void Print(Dictionary<Variant, List<VariantRun>> results, int fullEpochSteps)
    {
        var phases = PhaseOrder.Where(p => results.Values.Any(runs => runs.Any(r => r.Epochs.Any(e => e.ContainsKey(p))))).ToList();
        var medians = results.ToDictionary(kv => kv.Key, kv => phases.ToDictionary(p => p,
            p => Median(kv.Value.SelectMany(r => r.Epochs).Select(e => e.GetValueOrDefault(p)))));
        var totals = results.ToDictionary(kv => kv.Key, kv => Median(kv.Value.SelectMany(r => r.Epochs).Select(e => e.Values.Sum())));
        Console.WriteLine();
        Console.WriteLine("| phase | " + string.Join(" | ", results.Keys.Select(k => $"{k.Label} ms/step | share")) + " |");
        Console.WriteLine("|---|" + string.Concat(results.Keys.Select(_ => "---:|---:|")));
        foreach (var phase in phases)
            Console.WriteLine($"| {phase} | " + string.Join(" | ", results.Keys.Select(k => Invariant($"{medians[k][phase]:F2} | {medians[k][phase] / totals[k]:P0}"))) + " |");
        Console.WriteLine("| **step** | " + string.Join(" | ", results.Keys.Select(k => Invariant($"**{totals[k]:F2}** | 100%"))) + " |");
        Console.WriteLine("| full epoch, s (steps only) | " + string.Join(" | ", results.Keys.Select(k => Invariant($"{totals[k] * fullEpochSteps / 1000:F2} |"))) + " |");
        Console.WriteLine("| warm-up epoch ms/step | " + string.Join(" | ", results.Keys.Select(k => Invariant($"{Median(results[k].Select(r => r.Warmup.Values.Sum())):F2} |"))) + " |");
        Console.WriteLine("| peak RSS, MB | " + string.Join(" | ", results.Keys.Select(k => Invariant($"{results[k].Max(r => r.PeakBytes) / 1e6:F0}{(results[k].All(r => r.PeakReset) ? "" : " (peak not reset)")} |"))) + " |");
        Console.WriteLine("| GC pauses, ms per fit (gen-0 collections) | " + string.Join(" | ", results.Keys.Select(k => Invariant($"{Median(results[k].Select(r => r.GcPauseMilliseconds)):F0} ({Median(results[k].Select(r => (double)r.Collections)):F0}) |"))) + " |");
        Console.WriteLine("| process CPU time / wall time (below 1: the machine was busy) | " + string.Join(" | ", results.Keys.Select(k => Invariant($"{Median(results[k].Select(r => r.CpuPerWall)):F2} |"))) + " |");
        Console.WriteLine("Per-round step totals, ms: " + string.Join("; ", results.Select(kv => $"{kv.Key.Label} " +
            string.Join(", ", kv.Value.Select(r => Invariant($"{Median(r.Epochs.Select(e => e.Values.Sum())):F1}"))))));
        PrintWarmup(results, phases, medians, totals);
    }

    /// <summary>
    /// Where the first epoch's extra time goes (issue 10's warm-up goal): per phase the warm-up epoch's ms per step
    /// beside the timed epochs' median, and the warm-up steps' totals in order (a one-off cost shows in the first steps,
    /// a slow first pass over fresh memory spreads over the epoch).
    /// </summary>
    private static void PrintWarmup(Dictionary<Variant, List<VariantRun>> results, List<string> phases,
        Dictionary<Variant, Dictionary<string, double>> medians, Dictionary<Variant, double> totals)
    {
        Console.WriteLine();
        Console.WriteLine("| phase, ms/step: warm-up epoch (timed epochs) | " + string.Join(" | ", results.Keys.Select(k => k.Label)) + " |");
        Console.WriteLine("|---|" + string.Concat(results.Keys.Select(_ => "---:|")));
        foreach (var phase in phases)
            Console.WriteLine($"| {phase} | " + string.Join(" | ", results.Keys.Select(k =>
                Invariant($"{Median(results[k].Select(r => r.Warmup.GetValueOrDefault(phase))):F2} ({medians[k][phase]:F2})"))) + " |");
        Console.WriteLine("| **step** | " + string.Join(" | ", results.Keys.Select(k =>
            Invariant($"**{Median(results[k].Select(r => r.Warmup.Values.Sum())):F2}** ({totals[k]:F2})"))) + " |");
        foreach (var (variant, runs) in results)
            Console.WriteLine($"warm-up steps of {variant.Label}, ms (first round): " + string.Join(", ", runs[0].WarmupSteps.Select(t => Invariant($"{t:F0}"))));
    }

    /// <summary>The epoch-end work of models that derive state from the whole training split (VDSH's medians), timed once.</summary>
    private static void TimeFinishEpoch(INeuralMethodEntry entry, INeuralSettings settings, HashingDataset full, TorchSharp.torch.Device device)
    {
        using var model = entry.Create((MethodSettings)settings, full, device);
        var clock = Stopwatch.StartNew();
        model.FinishEpoch(full.Train.Features);
        Console.WriteLine(Invariant($"epoch end on the full training split (FinishEpoch; VDSH's medians): {clock.Elapsed.TotalSeconds:F2} s"));
    }

    private static readonly string[] PhaseOrder =
    [
        StepProfile.Batching, StepProfile.GcRegion, StepProfile.InputLayer, StepProfile.HiddenLayers, StepProfile.LatentHead, StepProfile.Noise,
        StepProfile.Decoder, StepProfile.Loss, StepProfile.Readout, StepProfile.Backward, StepProfile.Optimizer, StepProfile.FreeTensors, StepProfile.Other,
    ];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static HashingDataset Subset(HashingDataset data, int trainingDocuments) => data with
    {
        Train = Head(data.Train, trainingDocuments),
        Validation = Head(data.Validation, EvaluationDocuments),
        Test = Head(data.Test, EvaluationDocuments),
    };

    private static DatasetSplit Head(DatasetSplit split, int count)
    {
        var rows = Enumerable.Range(0, Math.Min(count, split.Count)).ToArray();
        return new DatasetSplit(split.Features.SelectRows(rows), split.Labels.SelectRows(rows));
    }

    /// <summary>An optimiser as compared here: its kind, and whether its update is fused (adam, lazy-adam) or libtorch's kernels (adam-unfused, lazy-adam-unfused).</summary>
    private sealed record Variant(string Label, OptimizerKind Kind, bool Fused)
    {
        private const string UnfusedSuffix = "-unfused";

        public static Variant Parse(string name)
        {
            string trimmed = name.Trim().ToLowerInvariant();
            bool unfused = trimmed.EndsWith(UnfusedSuffix, StringComparison.Ordinal);
            var kind = OptionValues.Parse<OptimizerKind>(unfused ? trimmed[..^UnfusedSuffix.Length] : trimmed);
            return new(OptionValues.Spelling(kind) + (unfused ? UnfusedSuffix : ""), kind, Fused: !unfused);
        }
    }

    private static int Positive(int value, string option) =>
        value >= 1 ? value : throw new ArgumentException($"{option} must be at least 1 (got {value}).");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
