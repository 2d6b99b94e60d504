using System.Diagnostics;
using System.Globalization;
using Doc2Hash.Data;
using Doc2Hash.Evaluation;
using Doc2Hash.Hashing;
using Doc2Hash.Hashing.Neural;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Doc2Hash.Training;

/// <summary>
/// Progress inside an epoch, for progress bars (drawn by the CLI, never by the library): batch is 1-based, loss is
/// that minibatch's total, epochs is the run's epoch budget.
/// </summary>
public sealed record StepReport(int Epoch, int Epochs, int Batch, int BatchesPerEpoch, long Step, double Loss);

/// <summary>
/// Trains any <see cref="ITrainableHasher"/> with Adam (or <see cref="LazyAdam"/> when chosen) on minibatches of the
/// training split, selects the epoch with the best precision@K (validation queries against the training database by
/// default) and evaluates the test split once with that epoch's weights. Knows nothing about the model beyond the interface.
/// <para>
/// Determinism: every epoch seeds the shuffle and the step generator (handed to the model for all its sampling)
/// from (seed, epoch) (<see cref="Seeding"/>), so equal seeds give bitwise-equal runs on CPU. Checkpoints (when a
/// directory is given): <c>last.bin</c> after every epoch (model, optimiser state, trainer state) and <c>best.bin</c>
/// whenever the selection score improves. Resuming from <c>last.bin</c> restores the weights, the optimiser's moments
/// and step counts, the epoch and global-step counters, the best score and the history; because randomness is
/// re-derived per epoch, a resumed run continues exactly as the uninterrupted run would have.
/// </para>
/// </summary>
public sealed class Trainer(TrainerOptions options)
{
    public const string BestCheckpointName = "best.bin";
    public const string LastCheckpointName = "last.bin";

    public TrainerOptions Options { get; } = options;

    /// <summary>Raised after every epoch (after evaluation and checkpoints), on the training thread.</summary>
    public event EventHandler<EpochReport>? EpochCompleted;

    /// <summary>Raised after every minibatch, on the training thread.</summary>
    public event EventHandler<StepReport>? StepCompleted;

    /// <summary>
    /// Trains <paramref name="model"/> on <paramref name="data"/>. With <paramref name="checkpointDirectory"/> the
    /// trainer writes best/last checkpoints there; with <paramref name="resume"/> it first continues from its
    /// <c>last.bin</c>. Returns the selected epoch's validation and test precision@K.
    /// </summary>
    public TrainingResult Fit(ITrainableHasher model, HashingDataset data, string? checkpointDirectory = null, bool resume = false)
    {
        Options.Validate();
        if (data.Train.Count == 0) throw new ArgumentException($"Dataset '{data.Name}' has an empty training split.");
        if (resume && checkpointDirectory is null) throw new ArgumentException("Resuming needs the checkpoint directory of the interrupted run.");
        if (checkpointDirectory is not null) Directory.CreateDirectory(checkpointDirectory);
        MallocTuning.Apply();   // large tensors reuse heap pages instead of fresh mmaps every step

        var clock = Stopwatch.StartNew();
        using var optimizer = CreateOptimizer(model);
        var state = resume
            ? Checkpoint.Load(Path.Combine(checkpointDirectory!, LastCheckpointName), model, optimizer)
            : new TrainingState(0, 0, -1, double.NegativeInfinity, []);
        byte[]? bestWeights = resume && state.BestEpoch >= 0 ? ReadBestWeights(model, checkpointDirectory!) : null;
        var history = state.History.ToList();

        for (int epoch = state.NextEpoch; epoch < Options.Epochs; epoch++)
        {
            var (loss, schedules, step, trainSeconds) = TrainEpoch(model, optimizer, data.Train, epoch, state.Step);
            model.FinishEpoch(data.Train.Features);
            var evalClock = Stopwatch.StartNew();
            double score = SelectionPrecision(model, data);
            bool isBest = score > state.BestScore;
            var report = new EpochReport(epoch, trainSeconds, evalClock.Elapsed.TotalSeconds, loss, schedules, score, isBest);
            history.Add(report);
            state = new TrainingState(epoch + 1, step, isBest ? epoch : state.BestEpoch, isBest ? score : state.BestScore, history.ToList());
            if (isBest) bestWeights = SaveBest(model, checkpointDirectory, state);
            if (checkpointDirectory is not null) Checkpoint.Save(Path.Combine(checkpointDirectory, LastCheckpointName), model, state, optimizer);
            EpochCompleted?.Invoke(this, report);
        }

        if (bestWeights is not null) RestoreWeights(model, bestWeights);
        double validation = Precision(model, data, data.Validation);
        double test = Precision(model, data, data.Test);
        return new TrainingResult(state.BestEpoch, validation, test, Options.K, Options.SelectOn, clock.Elapsed.TotalSeconds, history);
    }

    /// <summary>
    /// Adam on every parameter, or LazyAdam after switching the model's row-lookup input layer (if it has one) to
    /// sparse row gradients; the switch is set on every fit, so a model can be trained with either in turn.
    /// </summary>
    private ITrainingOptimizer CreateOptimizer(ITrainableHasher model)
    {
        bool lazy = Options.Optimizer == OptimizerKind.LazyAdam;
        model.UseSparseRowGradients(lazy);
        return lazy
            ? new LazyAdam(model.Parameters(), Options.LearningRate)
            : new AdamOptimizer(model.Parameters(), Options.LearningRate);
    }

    private (Dictionary<string, double> Loss, IReadOnlyDictionary<string, double> Schedules, long Step, double Seconds) TrainEpoch(
        ITrainableHasher model, ITrainingOptimizer optimizer, DatasetSplit train, int epoch, long step)
    {
        var clock = Stopwatch.StartNew();
        long epochSeed = Seeding.ForEpoch(Options.Seed, epoch);
        using var generator = new Generator((ulong)epochSeed, model.Device);
        int[] order = Shuffle(train.Count, new Random(unchecked((int)epochSeed)));
        int batches = (train.Count + Options.BatchSize - 1) / Options.BatchSize;
        var sums = new Dictionary<string, double>();
        IReadOnlyDictionary<string, double> schedules = new Dictionary<string, double>();
        model.SetTraining(true);
        for (int b = 0; b < batches; b++, step++)
        {
            StepProfile.BeginStep();
            TrainingBatch batch;
            using (StepProfile.Time(StepProfile.Batching))
            {
                var rows = order.AsSpan(b * Options.BatchSize, Math.Min(Options.BatchSize, train.Count - b * Options.BatchSize)).ToArray();
                batch = new TrainingBatch(train.Features.SelectRows(rows), train.Labels.SelectRows(rows));
            }
            var context = new StepContext(epoch, step, generator);
            double total = TrainStep(model, optimizer, batch, context, sums);
            schedules = model.Schedules(context);
            StepProfile.EndStep();
            StepCompleted?.Invoke(this, new StepReport(epoch, Options.Epochs, b + 1, batches, step, total));
        }
        var means = sums.ToDictionary(kv => kv.Key, kv => kv.Value / batches);
        return (means, schedules, step, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// One optimiser step inside its own dispose scope; adds every term's value to <paramref name="sums"/>. A NaN or
    /// infinite loss stops training (<see cref="TrainingDivergedException"/>) before the step is taken.
    /// </summary>
    private static double TrainStep(ITrainableHasher model, ITrainingOptimizer optimizer, TrainingBatch batch, StepContext context, Dictionary<string, double> sums)
    {
        GcQuietRegion quiet;
        using (StepProfile.Time(StepProfile.GcRegion)) quiet = GcQuietRegion.Enter();   // no finalizer may free a Scalar mid-call (GcQuietRegion)
        try
        {
            double total;
            Dictionary<string, double> terms;
            var scope = NewDisposeScope();
            try
            {
                var loss = model.ComputeLoss(batch, context);
                using (StepProfile.Time(StepProfile.Readout))
                {
                    total = loss.Total.item<float>();
                    terms = loss.Terms.ToDictionary(kv => kv.Key, kv => (double)kv.Value.item<float>());
                }
                TrainingDivergedException.ThrowIfNotFinite(context, total, terms);   // before the step can spread NaN into the weights
                using (StepProfile.Time(StepProfile.Backward))
                {
                    ClearGradients(model);
                    loss.Total.backward();
                }
                using (StepProfile.Time(StepProfile.Optimizer)) optimizer.Step();
            }
            finally
            {
                using (StepProfile.Time(StepProfile.FreeTensors)) scope.Dispose();
            }
            sums[LossTerms.TotalName] = sums.GetValueOrDefault(LossTerms.TotalName) + total;
            foreach (var (name, value) in terms)
                sums[name] = sums.GetValueOrDefault(name) + value;
            return total;
        }
        finally
        {
            using (StepProfile.Time(StepProfile.GcRegion)) quiet.Dispose();
        }
    }

    /// <summary>
    /// Drops the gradients instead of zeroing them (PyTorch's <c>zero_grad(set_to_none=True)</c>, its default since 2.0):
    /// backward then stores fresh gradients instead of adding them to zeros, saving two passes over every parameter,
    /// which matters for the V x 500 first layer. Adam's update is unchanged (every parameter gets a gradient each step),
    /// and a sparse row gradient is never added to a stale one.
    /// </summary>
    private static void ClearGradients(ITrainableHasher model)
    {
        foreach (var parameter in model.Parameters()) parameter.grad = null;
    }

    private double SelectionPrecision(ITrainableHasher model, HashingDataset data) =>
        Precision(model, data, Options.SelectOn == SelectOn.Test ? data.Test : data.Validation);

    /// <summary>Precision@K of <paramref name="queries"/> against the training split as the database (eval mode, no noise).</summary>
    public double Precision(ITrainableHasher model, HashingDataset data, DatasetSplit queries)
    {
        var database = model.Encode(data.Train.Features);
        var codes = model.Encode(queries.Features);
        return RetrievalMetrics.PrecisionAtK(codes, queries.Labels, database, data.Train.Labels, Options.K);
    }

    private static byte[] SaveBest(ITrainableHasher model, string? checkpointDirectory, TrainingState state)
    {
        if (checkpointDirectory is not null) Checkpoint.Save(Path.Combine(checkpointDirectory, BestCheckpointName), model, state);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) model.SaveState(writer);
        return buffer.ToArray();
    }

    /// <summary>Reads best.bin's weights into memory without disturbing the model's current (last) weights.</summary>
    private static byte[] ReadBestWeights(ITrainableHasher model, string checkpointDirectory)
    {
        using var current = new MemoryStream();
        using (var writer = new BinaryWriter(current, System.Text.Encoding.UTF8, leaveOpen: true)) model.SaveState(writer);
        Checkpoint.Load(Path.Combine(checkpointDirectory, BestCheckpointName), model);
        using var best = new MemoryStream();
        using (var writer = new BinaryWriter(best, System.Text.Encoding.UTF8, leaveOpen: true)) model.SaveState(writer);
        RestoreWeights(model, current.ToArray());
        return best.ToArray();
    }

    private static void RestoreWeights(ITrainableHasher model, byte[] weights)
    {
        using var reader = new BinaryReader(new MemoryStream(weights));
        model.LoadState(reader);
    }

    /// <summary>Fisher-Yates with System.Random's seeded (stable across .NET versions) generator.</summary>
    private static int[] Shuffle(int count, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }

    public static string Describe(EpochReport report)
    {
        var loss = string.Join(" ", report.Loss.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:F3}")));
        var schedules = string.Join(" ", report.Schedules.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:G4}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"epoch {report.Epoch + 1}: {loss} {schedules} P@K {report.SelectionPrecision:F4}{(report.IsBest ? " *" : "")} ({report.TrainSeconds:F1}s + {report.EvalSeconds:F1}s eval)");
    }
}
