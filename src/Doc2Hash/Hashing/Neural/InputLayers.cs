using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Neural;

/// <summary>How the encoder's first layer reads the TF-IDF input.</summary>
public enum InputLayout
{
    /// <summary><c>nn.EmbeddingBag(V, H, mode Sum)</c> with per-sample weights: x @ W over the non-zeros only (default).</summary>
    SparseBag,

    /// <summary><c>nn.Linear(V, H)</c> on the densified batch, as the authors' code; only for the speed benchmark.</summary>
    Dense,
}

/// <summary>
/// The first encoder layer, <c>x @ W + b</c> with x the (B, V) TF-IDF batch, from the sparse batch. Initialised as
/// the authors' <c>nn.Linear(V, H)</c> (<see cref="WeightInitializer"/>), not with EmbeddingBag's N(0, 1) lookup-table
/// initialisation: it is the authors' layer, computed differently.
/// </summary>
public sealed class SparseBagInput : nn.Module<BagOfWordsBatch, Tensor>
{
    private readonly EmbeddingBag bag;
    private readonly Parameter bias;

    // Built on demand and deliberately not registered: it shares bag's weight (same tensor, so parameters, state
    // and gradients stay bag's) and differs only in giving that weight a sparse gradient in backward.
    private EmbeddingBag? sparseGradientBag;

    public SparseBagInput(long vocabularySize, long hiddenSize, NeuralModelConfig config, Generator generator, Device device) : base(nameof(SparseBagInput))
    {
        bag = nn.EmbeddingBag(vocabularySize, hiddenSize, mode: EmbeddingBagMode.Sum, device: device);
        bias = new Parameter(zeros(hiddenSize, device: device));
        WeightInitializer.Linear(bag.weight!, bias, fanIn: vocabularySize, fanOut: hiddenSize, config, generator);
        RegisterComponents();
    }

    /// <summary>The (V, H) weight, i.e. W of x @ W (the transpose of nn.Linear's (H, V) weight).</summary>
    public Parameter Weight => bag.weight!;

    public Parameter Bias => bias;

    /// <summary>
    /// When true, backward leaves a sparse COO gradient on <see cref="Weight"/> (the rows of the minibatch's words,
    /// one gradient row per occurrence) instead of a dense (V, H) one. The forward values are the same either way.
    /// </summary>
    public bool SparseGradients { get; set; }

    public override Tensor forward(BagOfWordsBatch batch) =>
        Bag().call(batch.Ids, batch.Offsets, batch.Weights) + bias;    // (B, H)

    private EmbeddingBag Bag()
    {
        if (!SparseGradients) return bag;
        if (sparseGradientBag is null)
        {
            sparseGradientBag = nn.EmbeddingBag(bag.weight!.shape[0], bag.weight.shape[1], mode: EmbeddingBagMode.Sum, sparse: true, device: bag.weight.device);
            sparseGradientBag.weight = bag.weight;
        }
        return sparseGradientBag;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) sparseGradientBag?.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>The same first layer as <see cref="SparseBagInput"/> as a plain <c>nn.Linear(V, H)</c> on the dense batch.</summary>
public sealed class DenseInput : nn.Module<BagOfWordsBatch, Tensor>
{
    private readonly Linear linear;

    public DenseInput(long vocabularySize, long hiddenSize, NeuralModelConfig config, Generator generator, Device device) : base(nameof(DenseInput))
    {
        linear = nn.Linear(vocabularySize, hiddenSize, device: device);
        WeightInitializer.Linear(linear, config, generator);
        RegisterComponents();
    }

    public Parameter Weight => linear.weight!;

    public Parameter Bias => linear.bias!;

    public override Tensor forward(BagOfWordsBatch batch)
    {
        using var dense = batch.ToDense();   // (B, V)
        return linear.call(dense);           // (B, H)
    }
}
