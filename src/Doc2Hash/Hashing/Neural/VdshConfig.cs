using System.ComponentModel;
using Doc2Hash.Configuration;

namespace Doc2Hash.Hashing.Neural;

/// <summary>
/// VDSH's own settings on top of <see cref="NeuralModelConfig"/> (Chaidaroon and Fang, SIGIR 2017): the annealed KL
/// weight of the Gaussian latent and, for VDSH-SP, the label-independent private variable. Values of the paper's
/// code live in the presets (Experiments/Methods/Vdsh*.cs).
/// </summary>
public sealed record VdshConfig : NeuralModelConfig
{
    [Description("Weight of the Gaussian KL term: annealed from --kl-weight-initial by --kl-weight-increment per step up to --kl-weight-max.")]
    [OptionPrefix("kl-weight")]
    public WeightRamp KlWeight { get; init; } = new() { Initial = 0, Increment = 1.0 / 5000, Max = 1 };

    [Description("VDSH-SP: a second, private Gaussian variable v from its own encoder trunk; the decoder reads z + v, the label head z only.")]
    public bool PrivateVariable { get; init; }

    public override void Validate()
    {
        base.Validate();
        KlWeight.Validate("--kl-weight-initial/-increment/-max");
    }
}
