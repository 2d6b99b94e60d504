using Doc2Hash.Data;
using Doc2Hash.Hashing.Neural;
using static TorchSharp.torch;

namespace Doc2Hash.Experiments.Methods;

/// <summary>NASH-N: NASH with fixed Gaussian noise on the decoder's input.</summary>
public sealed class NashFixedNoiseMethod : NeuralMethod<NashConfig>
{
    public override string Name => "nash-n";
    public override string Paper => "Shen et al., ACL 2018 (NASH-N, fixed decoder noise)";
    public override bool IsSupervised => false;
    public override string PresetSource => "NASH's preset; noise std 0.1 is the kit's choice (the paper's value was not available offline)";

    public override NeuralSettings<NashConfig> Preset(int bits)
    {
        var nash = new NashMethod().Preset(bits);
        return nash with { Model = nash.Model with { Noise = DecoderNoise.Fixed, NoiseStd = 0.1 } };
    }

    protected override ITrainableHasher Create(NeuralSettings<NashConfig> settings, HashingDataset data, Device device) =>
        new NashModel(settings.Model, data.VocabularySize, seed: settings.Seed, device: device);
}
