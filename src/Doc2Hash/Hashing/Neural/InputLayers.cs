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
/// The first encoder layer, <c>x @ W + b</c> with x the (B, V) TF-IDF batch, from the sparse batch. Initialised
/// like PyTorch's <c>nn.Linear(V, H)</c> (uniform in +-1/sqrt(V) for weights and bias), so it is the authors' layer
/// computed differently, not EmbeddingBag's N(0, 1) lookup-table initialisation.
/// </summary>
public sealed class SparseBagInput : nn.Module<BagOfWordsBatch, Tensor>
{
    private readonly EmbeddingBag bag;
    private readonly Parameter bias;

    public SparseBagInput(long vocabularySize, long hiddenSize, Device device) : base(nameof(SparseBagInput))
    {
        bag = nn.EmbeddingBag(vocabularySize, hiddenSize, mode: EmbeddingBagMode.Sum, device: device);
        bias = new Parameter(zeros(hiddenSize, device: device));
        double bound = 1.0 / Math.Sqrt(vocabularySize);
        using (no_grad())
        {
            nn.init.uniform_(bag.weight!, -bound, bound);
            nn.init.uniform_(bias, -bound, bound);
        }
        RegisterComponents();
    }

    /// <summary>The (V, H) weight, i.e. W of x @ W (the transpose of nn.Linear's (H, V) weight).</summary>
    public Parameter Weight => bag.weight!;

    public Parameter Bias => bias;

    public override Tensor forward(BagOfWordsBatch batch) =>
        bag.call(batch.Ids, batch.Offsets, batch.Weights) + bias;    // (B, H)
}

/// <summary>The same first layer as <see cref="SparseBagInput"/> as a plain <c>nn.Linear(V, H)</c> on the dense batch.</summary>
public sealed class DenseInput : nn.Module<BagOfWordsBatch, Tensor>
{
    private readonly Linear linear;

    public DenseInput(long vocabularySize, long hiddenSize, Device device) : base(nameof(DenseInput))
    {
        linear = nn.Linear(vocabularySize, hiddenSize, device: device);
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
