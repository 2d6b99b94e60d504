using Doc2Hash.Retrieval;
using Doc2Hash.Text;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Neural;

/// <summary>
/// What every bag-of-words neural hasher shares, so that each model file only holds its own latent layer and loss:
/// the encoder trunk (<see cref="EncoderTrunk"/>), seeded initialisation of added layers, the multinomial decoder's
/// reconstruction loss, chunked deterministic encoding in evaluation mode, and the <see cref="ITrainableHasher"/>
/// plumbing (parameters, train/eval mode, state). A model builds its layers with <see cref="NewLinear"/> in a fixed
/// order, then calls <see cref="CompleteConstruction"/>.
/// </summary>
public abstract class BagOfWordsHasher : nn.Module, ITrainableHasher
{
    /// <summary>Rows encoded at once; bounds memory, does not change the codes.</summary>
    private const int EncodeChunkRows = 1024;

    private readonly EncoderTrunk trunk;
    private Generator? initialisation;

    /// <summary>
    /// Creates the trunk on <paramref name="device"/> (CPU by default) with initial weights from a generator seeded with
    /// <paramref name="seed"/> (<see cref="Seeding.ForInitialisation"/>): equal seeds, equal weights. The trunk's layers
    /// are registered as "input" and "hidden".
    /// </summary>
    protected BagOfWordsHasher(string name, NeuralModelConfig config, int vocabularySize, int seed, Device? device) : base(name)
    {
        config.Validate();
        ModelConfig = config;
        VocabularySize = vocabularySize;
        Device = device ?? CPU;
        initialisation = new Generator((ulong)Seeding.ForInitialisation(seed), Device);
        trunk = new EncoderTrunk(config, vocabularySize, initialisation, Device);
        register_module("input", trunk.Input);
        register_module("hidden", trunk.Hidden);
    }

    public NeuralModelConfig ModelConfig { get; }
    public int VocabularySize { get; }
    public Device Device { get; }
    public abstract string Name { get; }
    public int Bits => ModelConfig.Bits;

    /// <summary>A linear layer initialised from the model's seed; layers draw their weights in the order they are created.</summary>
    protected Linear NewLinear(long inputs, long outputs)
    {
        var layer = nn.Linear(inputs, outputs, device: Device);
        WeightInitializer.Linear(layer, ModelConfig, initialisation ?? throw new InvalidOperationException("Layers are created in the constructor only."));
        return layer;
    }

    /// <summary>A second encoder trunk (VDSH-SP's private variable) drawn from the model's seed, registered under <paramref name="prefix"/>.</summary>
    protected EncoderTrunk NewTrunk(string prefix)
    {
        var extra = new EncoderTrunk(ModelConfig, VocabularySize, initialisation ?? throw new InvalidOperationException("Layers are created in the constructor only."), Device);
        register_module(prefix + "Input", extra.Input);
        register_module(prefix + "Hidden", extra.Hidden);
        return extra;
    }

    /// <summary>Ends construction: frees the initialisation generator and registers the model's own layer fields.</summary>
    protected void CompleteConstruction()
    {
        initialisation?.Dispose();
        initialisation = null;
        RegisterComponents();
    }

    /// <summary>The minibatch's rows as an EmbeddingBag input on the model's device (timed as the step's batching phase).</summary>
    protected BagOfWordsBatch Batch(TrainingBatch batch)
    {
        using (StepProfile.Time(StepProfile.Batching)) return BagOfWordsBatch.FromRows(batch.Features, null, Device);
    }

    /// <summary>The trunk's (B, H) features; dropout (training mode only) draws from <paramref name="generator"/>.</summary>
    protected Tensor Features(BagOfWordsBatch x, Generator? generator = null) => trunk.Forward(x, training, generator);

    /// <summary>
    /// Reconstruction loss -mean_batch sum_w x_w log p(w|z), the TF-IDF-weighted multinomial likelihood every model
    /// here uses; only the batch's non-zeros contribute, gathered through <see cref="BagOfWordsBatch.FlatIndex"/>.
    /// </summary>
    public static Tensor Reconstruction(Tensor logProbWords, BagOfWordsBatch x)
    {
        using var batchSize = ((double)x.Count).ToScalar();
        return logProbWords.flatten().take(x.FlatIndex).mul(x.Weights).sum().div(batchSize).neg();
    }

    /// <summary>
    /// The reconstruction of each document and sample, -sum_w x_bw log p(w | z_sb), for log-probabilities (S, B, V):
    /// (S, B), not averaged (ARM needs one loss per document and code). Gathers only the batch's non-zeros, as
    /// <see cref="Reconstruction"/>; FlatIndex / V is each non-zero's row.
    /// </summary>
    public static Tensor ReconstructionPerDocument(Tensor logProbWords, BagOfWordsBatch x)
    {
        if (logProbWords.dim() != 3 || logProbWords.shape[1] != x.Count)
            throw new ArgumentException($"Expected log-probabilities of shape (S, {x.Count}, V), got ({string.Join(", ", logProbWords.shape)}).", nameof(logProbWords));
        using var scope = NewDisposeScope();
        long samples = logProbWords.shape[0];
        var rows = x.FlatIndex.div(logProbWords.shape[2], rounding_mode: RoundingMode.floor);                 // (nnz)
        var weighted = logProbWords.reshape(samples, -1).index_select(1, x.FlatIndex).mul(x.Weights);          // (S, nnz)
        using var one = 1.0.ToScalar();   // explicit and alive across the native call (environment.md, "Scalars")
        var perDocument = zeros(samples, x.Count, dtype: weighted.dtype, device: weighted.device).index_add(1, rows, weighted, one);
        return perDocument.neg().MoveToOuterDisposeScope();                                                     // (S, B)
    }

    /// <summary>log p(w | z) for every word: the decoder's log-softmax over the vocabulary, (B, V).</summary>
    protected static Tensor Decode(Linear decoder, Tensor z) => decoder.call(z).log_softmax(-1);

    public abstract LossTerms ComputeLoss(TrainingBatch batch, StepContext context);

    public abstract IReadOnlyDictionary<string, double> Schedules(StepContext context);

    /// <summary>The (B, L) 0/1 code of a chunk, deterministic (called in evaluation mode without gradients).</summary>
    protected abstract Tensor CodeBits(BagOfWordsBatch x);

    /// <summary>Deterministic codes: evaluation mode (no dropout), no noise, no gradients, <see cref="CodeBits"/> per chunk.</summary>
    public BinaryCodes Encode(SparseMatrix documents)
    {
        var ones = Map(documents, Bits, CodeBits);
        return BinaryCodes.FromBits(documents.Rows, Bits, [.. ones.Select(v => v > 0 ? (byte)1 : (byte)0)]);
    }

    /// <summary>
    /// <paramref name="perChunk"/>'s (rows, width) float output for every document, row-major, computed in evaluation
    /// mode without gradients in chunks of <see cref="EncodeChunkRows"/> rows; the mode is restored afterwards.
    /// </summary>
    protected float[] Map(SparseMatrix documents, int width, Func<BagOfWordsBatch, Tensor> perChunk)
    {
        bool wasTraining = training;
        eval();
        try
        {
            using var _ = no_grad();
            var values = new float[(long)documents.Rows * width];
            for (int start = 0; start < documents.Rows; start += EncodeChunkRows)
            {
                using var quiet = GcQuietRegion.Enter();   // no finalizer may free a Scalar mid-call (GcQuietRegion)
                using var scope = NewDisposeScope();
                var rows = Enumerable.Range(start, Math.Min(EncodeChunkRows, documents.Rows - start)).ToArray();
                using var x = BagOfWordsBatch.FromRows(documents, rows, Device);
                var chunk = perChunk(x).to(ScalarType.Float32).cpu();   // (rows, width)
                chunk.data<float>().CopyTo(values.AsSpan(start * width, rows.Length * width));
            }
            return values;
        }
        finally
        {
            train(wasTraining);
        }
    }

    /// <summary>
    /// Sets <paramref name="thresholds"/> (L) to the per-dimension medians of <paramref name="latent"/>'s (rows, L) output
    /// over <paramref name="trainingDocuments"/> (evaluation mode, <see cref="Map"/>); for an even count the lower of the
    /// two middle values, as torch.median, so a code bit "value &gt; threshold" is 1 for floor(n / 2) distinct values.
    /// VDSH's codes (the port's get_binary_code) and Doc2hash's Gaussian prior use it.
    /// </summary>
    protected void SetToTrainingMedians(Tensor thresholds, SparseMatrix trainingDocuments, Func<BagOfWordsBatch, Tensor> latent)
    {
        int n = trainingDocuments.Rows;
        var values = Map(trainingDocuments, Bits, latent);   // n x L, row-major
        var medians = new float[Bits];
        var column = new float[n];
        for (int j = 0; j < Bits; j++)
        {
            for (int i = 0; i < n; i++) column[i] = values[(long)i * Bits + j];
            Array.Sort(column);
            medians[j] = column[(n - 1) / 2];
        }
        using var _ = no_grad();
        using var source = tensor(medians, device: Device);
        thresholds.copy_(source);
    }

    /// <summary>Called after each epoch's last step; models that derive state from the whole training split override it.</summary>
    public virtual void FinishEpoch(SparseMatrix trainingDocuments)
    {
    }

    public virtual void UseSparseRowGradients(bool enabled) => trunk.UseSparseRowGradients(enabled);
    public IEnumerable<Parameter> Parameters() => parameters();
    public void SetTraining(bool training) => train(training);
    public void SaveState(BinaryWriter writer) => save(writer);
    public void LoadState(BinaryReader reader) => load(reader);
}
