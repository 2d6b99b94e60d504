using System.ComponentModel;

namespace Doc2Hash.Hashing.Neural;

/// <summary>How the linear layers start.</summary>
public enum WeightInit
{
    /// <summary>PyTorch's nn.Linear default (uniform +-1/sqrt(fan_in) for weights and bias): the authors' Doc2hash.</summary>
    Default,

    /// <summary>Xavier-uniform weights and a constant bias (<see cref="NeuralModelConfig.BiasFill"/>): the authors' Doc2hash-S.</summary>
    XavierUniform,
}

/// <summary>
/// What every bag-of-words neural hasher shares: the code length and the encoder trunk (TF-IDF input -> ReLU ->
/// Linear(H, H) -> ReLU -> dropout, <see cref="EncoderTrunk"/>) with its initialisation. Each model's config adds its
/// own latent, loss and schedule settings. The values of a method's paper live in its preset (Experiments/Methods),
/// not here; the defaults below are Doc2hash's, so old run folders (which stored every value) read unchanged.
/// </summary>
public abstract record NeuralModelConfig
{
    [Description("Code length in bits.")]
    public int Bits { get; init; } = 32;

    [Description("Width of the encoder's two hidden layers.")]
    public int HiddenSize { get; init; } = 500;

    [Description("Dropout probability on the encoder's last hidden layer (0 = none).")]
    public double Dropout { get; init; } = 0.2;

    [Description("Initialisation of the linear layers: default (PyTorch's nn.Linear) or xavier-uniform (bias = --bias-fill).")]
    public WeightInit Init { get; init; } = WeightInit.Default;

    [Description("Constant bias of every linear layer when --init is xavier-uniform.")]
    public double BiasFill { get; init; } = 0.01;

    [Description("Encoder input: sparse-bag (EmbeddingBag over the non-zeros, default) or dense (nn.Linear on the densified batch; speed benchmark only).")]
    public InputLayout Input { get; init; } = InputLayout.SparseBag;

    /// <summary>Checks the shared values; models with more settings extend it.</summary>
    public virtual void Validate()
    {
        if (Bits < 1) throw new ArgumentException($"--bits must be at least 1 (got {Bits}).");
        if (HiddenSize < 1) throw new ArgumentException($"--hidden-size must be at least 1 (got {HiddenSize}).");
        if (Dropout is < 0 or >= 1) throw new ArgumentException($"--dropout must be in [0, 1) (got {Dropout}).");
        if (!Enum.IsDefined(Init) || !Enum.IsDefined(Input)) throw new ArgumentException($"Unknown Init {(int)Init} or Input {(int)Input}.");
    }
}
