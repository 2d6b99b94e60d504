using System.ComponentModel;
using Doc2Hash.Configuration;
using Doc2Hash.Hashing.Relaxations;

namespace Doc2Hash.Hashing.Neural;

/// <summary>Noise added to NASH's binary code before the decoder (Shen et al. 2018, section 3.3).</summary>
public enum DecoderNoise
{
    /// <summary>NASH: the decoder reads the code itself.</summary>
    None,

    /// <summary>NASH-N: z + NoiseStd * eps, eps ~ N(0, I), a fixed standard deviation.</summary>
    Fixed,

    /// <summary>NASH-DN: z + sigma(x) * eps with a data-dependent, learned standard deviation (see <see cref="NashModel"/>).</summary>
    [OptionName("data-dependent")]
    DataDependent,
}

/// <summary>
/// NASH's own settings on top of <see cref="NeuralModelConfig"/> (Shen et al., ACL 2018): a Bernoulli latent with a
/// straight-through gradient, its KL weight, how bits are sampled in training and the decoder noise of NASH-N / -DN.
/// Values live in the presets (Experiments/Methods/Nash*.cs).
/// </summary>
public sealed record NashConfig : NeuralModelConfig
{
    [Description("Weight of the Bernoulli KL term (to Bernoulli(1/2), summed over bits): from --kl-weight-initial by --kl-weight-increment per step up to --kl-weight-max.")]
    [OptionPrefix("kl-weight")]
    public WeightRamp KlWeight { get; init; } = new() { Initial = 1, Increment = 0, Max = 1 };

    [Description("Training-time bits: stochastic (z = 1[u < sigmoid(logit)], the NASH paper) or deterministic (z = 1[sigmoid(logit) > 1/2], the Doc2hash authors' re-implementation).")]
    public BinarySampling Binarization { get; init; } = BinarySampling.Stochastic;

    [Description("Decoder-input noise: none (NASH), fixed (NASH-N) or data-dependent (NASH-DN).")]
    public DecoderNoise Noise { get; init; } = DecoderNoise.None;

    [Description("Standard deviation of the fixed noise (NASH-N), and the starting scale of the learned one (NASH-DN).")]
    public double NoiseStd { get; init; } = 0.1;

    public override void Validate()
    {
        base.Validate();
        KlWeight.Validate("--kl-weight-initial/-increment/-max");
        if (NoiseStd < 0) throw new ArgumentException($"--noise-std must not be negative (got {NoiseStd}).");
        if (!Enum.IsDefined(Binarization) || !Enum.IsDefined(Noise)) throw new ArgumentException($"Unknown Binarization {(int)Binarization} or Noise {(int)Noise}.");
    }
}
