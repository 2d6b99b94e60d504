using Doc2Hash.Hashing.Relaxations;

namespace Doc2Hash.Hashing.Neural;

/// <summary>How the linear layers start.</summary>
public enum WeightInit
{
    /// <summary>PyTorch's nn.Linear default (uniform +-1/sqrt(fan_in) for weights and bias): the authors' Doc2hash.</summary>
    Default,

    /// <summary>Xavier-uniform weights and a constant bias (<see cref="Doc2HashConfig.BiasFill"/>): the authors' Doc2hash-S.</summary>
    XavierUniform,
}

/// <summary>
/// The Doc2hash model's settings. Defaults are the authors' unsupervised Doc2hash (train_gumble.py,
/// models/VDSH_gubel.py); <see cref="Doc2HashPresets"/> names the full presets. Override with <c>with</c>.
/// </summary>
public sealed record Doc2HashConfig
{
    /// <summary>Code length L: the encoder emits 2L logits, one 2-class categorical per bit.</summary>
    public int Bits { get; init; } = 32;

    /// <summary>Width of both hidden layers (authors: 500).</summary>
    public int HiddenSize { get; init; } = 500;

    /// <summary>Dropout before the logits layer (authors: 0.2 for Doc2hash, 0 for Doc2hash-S).</summary>
    public double Dropout { get; init; } = 0.2;

    /// <summary>Constant weight of the KL term in the loss (authors: 2).</summary>
    public double KlWeight { get; init; } = 2.0;

    /// <summary>Per-bit KL (principled, default) or the authors' flat-softmax form (ablation).</summary>
    public KlForm KlForm { get; init; } = KlForm.PerBit;

    /// <summary>Gumbel-Softmax temperature (authors: 1.0, x0.96 per minibatch, floor 0.1).</summary>
    public TemperatureSchedule Temperature { get; init; } = new();

    /// <summary>Straight-through (authors) or soft relaxed samples fed to the decoder.</summary>
    public GumbelMode Sampling { get; init; } = GumbelMode.StraightThrough;

    /// <summary>Initialisation of the linear layers (authors' Doc2hash: PyTorch defaults).</summary>
    public WeightInit Init { get; init; } = WeightInit.Default;

    /// <summary>Bias value when <see cref="Init"/> is Xavier-uniform (authors' Doc2hash-S: 0.01).</summary>
    public double BiasFill { get; init; } = 0.01;

    /// <summary>Sparse EmbeddingBag input (default) or a dense Linear input (speed benchmark only).</summary>
    public InputLayout Input { get; init; } = InputLayout.SparseBag;

    public void Validate()
    {
        if (Bits < 1) throw new ArgumentException($"Bits must be at least 1 (got {Bits}).");
        if (HiddenSize < 1) throw new ArgumentException($"HiddenSize must be at least 1 (got {HiddenSize}).");
        if (Dropout is < 0 or >= 1) throw new ArgumentException($"Dropout must be in [0, 1) (got {Dropout}).");
        if (KlWeight < 0) throw new ArgumentException($"KlWeight must not be negative (got {KlWeight}).");
    }
}

/// <summary>The label head of Doc2hash-S: its loss weight ramps linearly from 0 (authors: +0.003 per step up to 150).</summary>
public sealed record LabelHeadConfig
{
    /// <summary>Increase of the label-loss weight per minibatch (authors: 3/1000).</summary>
    public double WeightStep { get; init; } = 0.003;

    /// <summary>Largest label-loss weight (authors: 150, reached after 50,000 steps).</summary>
    public double MaxWeight { get; init; } = 150.0;

    /// <summary>The weight used at 0-based global step t: min(t * WeightStep, MaxWeight), as the authors' increment-after-step.</summary>
    public double WeightAt(long step) => Math.Min(step * WeightStep, MaxWeight);
}
