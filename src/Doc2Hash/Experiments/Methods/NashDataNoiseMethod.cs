using Doc2Hash.Data;
using Doc2Hash.Hashing.Neural;
using static TorchSharp.torch;

namespace Doc2Hash.Experiments.Methods;

/// <summary>NASH-DN: NASH with data-dependent, learned Gaussian noise on the decoder's input.</summary>
public sealed class NashDataNoiseMethod : NeuralMethod<NashConfig>
{
    public override string Name => "nash-dn";
    public override string Paper => "Shen et al., ACL 2018 (NASH-DN, data-dependent decoder noise)";
    public override bool IsSupervised => false;
    public override string PresetSource => "NASH's preset; the learned scale starts near std 0.1 (the kit's choice, see NashModel)";

    public override NeuralSettings<NashConfig> Preset(int bits)
    {
        var nash = new NashMethod().Preset(bits);
        return nash with { Model = nash.Model with { Noise = DecoderNoise.DataDependent, NoiseStd = 0.1 } };
    }

    protected override ITrainableHasher Create(NeuralSettings<NashConfig> settings, HashingDataset data, Device device) =>
        new NashModel(settings.Model, data.VocabularySize, seed: settings.Seed, device: device);
}
