using Doc2Hash.Data;
using Doc2Hash.Hashing.Neural;
using static TorchSharp.torch;

namespace Doc2Hash.Experiments.Methods;

/// <summary>VDSH-SP: VDSH-S plus a private Gaussian variable the decoder reads and the label head does not.</summary>
public sealed class VdshPrivateMethod : NeuralMethod<VdshConfig>
{
    public override string Name => "vdsh-sp";
    public override string Paper => "Chaidaroon and Fang, SIGIR 2017 (VDSH-SP, supervised with a private variable)";
    public override bool IsSupervised => true;
    public override string PresetSource => "VDSH-S's preset; the private variable's own encoder, z + v decoding and the KL on both follow unsuthee/VariationalDeepSemanticHashing VDSH_SP.py";

    public override NeuralSettings<VdshConfig> Preset(int bits)
    {
        var supervised = new VdshSupervisedMethod().Preset(bits);
        return supervised with { Model = supervised.Model with { PrivateVariable = true } };
    }

    protected override ITrainableHasher Create(NeuralSettings<VdshConfig> settings, HashingDataset data, Device device) =>
        new VdshModel(settings.Model, data.VocabularySize, RequireLabels(settings, data), data.LabelCount, data.IsMultiLabel, settings.Seed, device);
}
