using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Neural;

/// <summary>
/// The encoder body every bag-of-words hasher shares (Doc2hash, VDSH, NASH: the authors' code and the VDSH port all use
/// it): TF-IDF x -> ReLU(x W + b) -> ReLU(Linear(H, H)) -> dropout, giving (B, H) features that each model's heads
/// turn into logits or Gaussian parameters. Deliberately not a module: its two layers are registered by the model
/// that owns it under the model's names ("input", "hidden"), because checkpoints store parameters by name and
/// Doc2hash's names predate this class.
/// </summary>
public sealed class EncoderTrunk
{
    private readonly double dropout;

    /// <summary>Builds the layers on <paramref name="device"/>, drawing their initial weights from <paramref name="generator"/> (input first).</summary>
    public EncoderTrunk(NeuralModelConfig config, int vocabularySize, Generator generator, Device device)
    {
        dropout = config.Dropout;
        Input = config.Input == InputLayout.SparseBag
            ? new SparseBagInput(vocabularySize, config.HiddenSize, config, generator, device)
            : new DenseInput(vocabularySize, config.HiddenSize, config, generator, device);
        Hidden = nn.Linear(config.HiddenSize, config.HiddenSize, device: device);
        WeightInitializer.Linear(Hidden, config, generator);
    }

    public nn.Module<BagOfWordsBatch, Tensor> Input { get; }
    public Linear Hidden { get; }

    /// <summary>
    /// The (B, H) features. With <paramref name="training"/> dropout masks are drawn from <paramref name="generator"/>
    /// (required then); in evaluation mode there is no dropout and no randomness.
    /// </summary>
    public Tensor Forward(BagOfWordsBatch x, bool training, Generator? generator)
    {
        Tensor h;
        using (StepProfile.Time(StepProfile.InputLayer)) h = nn.functional.relu(Input.call(x));                  // (B, H)
        using (StepProfile.Time(StepProfile.HiddenLayers)) return Dropout(nn.functional.relu(Hidden.call(h)), training, generator);   // (B, H)
    }

    /// <summary>Sparse row gradients for the EmbeddingBag input (for LazyAdam); the dense-input variant has none.</summary>
    public void UseSparseRowGradients(bool enabled)
    {
        if (Input is SparseBagInput bag) bag.SparseGradients = enabled;
    }

    /// <summary>Inverted dropout (as nn.Dropout) with its mask drawn from an explicit generator instead of torch's global one.</summary>
    private Tensor Dropout(Tensor h, bool training, Generator? generator)
    {
        if (!training || dropout == 0) return h;
        ArgumentNullException.ThrowIfNull(generator, "generator (dropout in training mode needs one)");
        // Scalars are created explicitly and kept alive across the native calls (see "Scalars" in environment.md).
        using var dropProbability = dropout.ToScalar();
        using var keepProbability = (1 - dropout).ToScalar();
        var keep = rand(h.shape, dtype: h.dtype, device: h.device, generator: generator).ge(dropProbability);   // (B, H)
        return h.mul(keep).div(keepProbability);
    }
}
