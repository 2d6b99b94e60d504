using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Retrieval;
using Doc2Hash.Text;
using Doc2Hash.Hashing;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Neural;

/// <summary>
/// Doc2hash (Zhang and Zhu, NAACL 2019): a VAE whose latent is L binary variables, relaxed with Gumbel-Softmax.
/// Encoder x -> ReLU(x W + b) -> ReLU(Linear 500) -> Dropout -> Linear(500, 2L) viewed as (B, L, 2) logits;
/// decoder Linear(2L, V) -> log-softmax; loss = reconstruction + KlWeight * KL (the authors' train_gumble.py).
/// </summary>
public sealed class Doc2HashModel : nn.Module, ITrainableHasher
{
    /// <summary>Rows encoded at once by <see cref="Encode"/>; bounds memory, does not change the codes.</summary>
    private const int EncodeChunkRows = 1024;

    private readonly nn.Module<BagOfWordsBatch, Tensor> input;
    private readonly Linear hidden;
    private readonly Linear toLogits;
    private readonly Linear decoder;

    /// <summary>
    /// Builds the model on <paramref name="device"/> (CPU by default) with initial weights drawn from a generator
    /// seeded with <paramref name="seed"/> (<see cref="Seeding.ForInitialisation"/>): equal seeds, equal weights.
    /// </summary>
    public Doc2HashModel(Doc2HashConfig config, int vocabularySize, int seed = 1, Device? device = null) : base(nameof(Doc2HashModel))
    {
        config.Validate();
        Config = config;
        VocabularySize = vocabularySize;
        Device = device ?? CPU;
        using var generator = new Generator((ulong)Seeding.ForInitialisation(seed), Device);
        input = config.Input == InputLayout.SparseBag
            ? new SparseBagInput(vocabularySize, config.HiddenSize, config, generator, Device)
            : new DenseInput(vocabularySize, config.HiddenSize, config, generator, Device);
        hidden = nn.Linear(config.HiddenSize, config.HiddenSize, device: Device);
        toLogits = nn.Linear(config.HiddenSize, 2L * config.Bits, device: Device);
        decoder = nn.Linear(2L * config.Bits, vocabularySize, device: Device);
        foreach (var layer in new[] { hidden, toLogits, decoder }) WeightInitializer.Linear(layer, config, generator);
        RegisterComponents();
    }

    public Doc2HashConfig Config { get; }
    public int VocabularySize { get; }
    public Device Device { get; }
    public string Name => "doc2hash";
    public int Bits => Config.Bits;

    /// <summary>
    /// Encoder logits, one 2-class categorical per bit: (B, L, 2). In training mode dropout masks are drawn from
    /// <paramref name="generator"/> (required then); in evaluation mode there is no dropout and no randomness.
    /// </summary>
    public Tensor EncodeLogits(BagOfWordsBatch x, Generator? generator = null)
    {
        var h = nn.functional.relu(input.call(x));                  // (B, H)
        h = Dropout(nn.functional.relu(hidden.call(h)), generator);  // (B, H)
        return toLogits.call(h).view(-1, Bits, 2);                   // (B, L, 2)
    }

    /// <summary>Inverted dropout (as nn.Dropout) with its mask drawn from an explicit generator instead of torch's global one.</summary>
    private Tensor Dropout(Tensor h, Generator? generator)
    {
        if (!training || Config.Dropout == 0) return h;
        ArgumentNullException.ThrowIfNull(generator, "generator (dropout in training mode needs one)");
        // Scalars are created explicitly and kept alive across the native calls (see "Scalars" in environment.md).
        using var dropProbability = Config.Dropout.ToScalar();
        using var keepProbability = (1 - Config.Dropout).ToScalar();
        var keep = rand(h.shape, dtype: h.dtype, device: h.device, generator: generator).ge(dropProbability);   // (B, H)
        return h.mul(keep).div(keepProbability);
    }

    /// <summary>log p(w | z) for every word, from a (B, L, 2) one-hot or relaxed code: (B, V).</summary>
    public Tensor Decode(Tensor z) => decoder.call(z.flatten(1)).log_softmax(-1);

    /// <summary>
    /// Reconstruction loss -mean_batch sum_w x_w log p(w|z), the TF-IDF-weighted multinomial likelihood; only the
    /// batch's non-zeros contribute, gathered through <see cref="BagOfWordsBatch.FlatIndex"/>.
    /// </summary>
    public static Tensor Reconstruction(Tensor logProbWords, BagOfWordsBatch x)
    {
        using var batchSize = ((double)x.Count).ToScalar();
        return logProbWords.flatten().take(x.FlatIndex).mul(x.Weights).sum().div(batchSize).neg();
    }

    /// <summary>One stochastic pass: logits, sampled code and the loss terms (used by Doc2hash-S too).</summary>
    public Doc2HashPass Forward(BagOfWordsBatch x, StepContext context)
    {
        var logits = EncodeLogits(x, context.Generator);                                        // (B, L, 2)
        var z = GumbelSoftmax.Sample(logits, Temperature(context), Config.Sampling, context.Generator); // (B, L, 2)
        var reconstruction = Reconstruction(Decode(z), x);
        var kl = BernoulliKl.Compute(logits, Config.KlForm);
        using var klWeight = Config.KlWeight.ToScalar();
        return new Doc2HashPass(logits, z, reconstruction, kl, reconstruction.add(kl.mul(klWeight)));
    }

    public LossTerms ComputeLoss(TrainingBatch batch, StepContext context)
    {
        using var x = BagOfWordsBatch.FromRows(batch.Features, null, Device);
        var pass = Forward(x, context);
        return new LossTerms(pass.Loss, new Dictionary<string, Tensor>
        {
            ["reconstruction"] = pass.Reconstruction,
            ["kl"] = pass.Kl,
        });
    }

    public double Temperature(StepContext context) => Config.Temperature.At(context.Step, context.Epoch);

    public IReadOnlyDictionary<string, double> Schedules(StepContext context) =>
        new Dictionary<string, double> { ["tau"] = Temperature(context) };

    /// <summary>
    /// Deterministic codes: in evaluation mode (no dropout), without noise and gradients, bit i is 1 when
    /// logit[i, 1] &gt; logit[i, 0] (argmax over the pair; an exact tie gives 0, like torch.argmax taking the first).
    /// </summary>
    public BinaryCodes Encode(SparseMatrix documents)
    {
        bool wasTraining = training;
        eval();
        try
        {
            using var _ = no_grad();
            var bits = new byte[(long)documents.Rows * Bits];
            for (int start = 0; start < documents.Rows; start += EncodeChunkRows)
            {
                using var quiet = GcQuietRegion.Enter();   // no finalizer may free a Scalar mid-call (GcQuietRegion)
                using var scope = NewDisposeScope();
                var rows = Enumerable.Range(start, Math.Min(EncodeChunkRows, documents.Rows - start)).ToArray();
                using var x = BagOfWordsBatch.FromRows(documents, rows, Device);
                var logits = EncodeLogits(x);                                           // (B, L, 2)
                var ones = logits.select(2, 1).gt(logits.select(2, 0)).to(ScalarType.Byte).cpu(); // (B, L)
                ones.data<byte>().CopyTo(bits.AsSpan(start * Bits, rows.Length * Bits));
            }
            return BinaryCodes.FromBits(documents.Rows, Bits, bits);
        }
        finally
        {
            train(wasTraining);
        }
    }

    /// <summary>Sparse row gradients for the EmbeddingBag input (for LazyAdam); the dense-input variant has none.</summary>
    public void UseSparseRowGradients(bool enabled)
    {
        if (input is SparseBagInput bag) bag.SparseGradients = enabled;
    }

    public IEnumerable<Parameter> Parameters() => parameters();
    public void SetTraining(bool training) => train(training);
    public void SaveState(BinaryWriter writer) => save(writer);
    public void LoadState(BinaryReader reader) => load(reader);
}

/// <summary>What one stochastic pass of Doc2hash produces (tensors belong to the caller's dispose scope).</summary>
public sealed record Doc2HashPass(Tensor Logits, Tensor Code, Tensor Reconstruction, Tensor Kl, Tensor Loss);
