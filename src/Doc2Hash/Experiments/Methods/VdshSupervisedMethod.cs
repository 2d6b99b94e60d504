using Doc2Hash.Data;
using Doc2Hash.Hashing.Neural;
using static TorchSharp.torch;

namespace Doc2Hash.Experiments.Methods;

/// <summary>VDSH-S: VDSH plus a label head on the sampled latent (<see cref="VdshModel"/> with a label head).</summary>
public sealed class VdshSupervisedMethod : NeuralMethod<VdshConfig>
{
    public override string Name => "vdsh-s";
    public override string Paper => "Chaidaroon and Fang, SIGIR 2017 (VDSH-S, supervised)";
    public override bool IsSupervised => true;
    public override string PresetSource => "VDSH's preset (train_VDSH.py); the label-weight ramp is the one the Doc2hash authors use for Doc2hash-S (train_s_gumbel.py): their repository has no VDSH-S script";

    /// <summary>VDSH's preset plus a label head whose weight ramps by 0.003 per step up to 150.</summary>
    public override NeuralSettings<VdshConfig> Preset(int bits) =>
        new VdshMethod().Preset(bits) with { LabelHead = new LabelHeadConfig { WeightStep = 0.003, MaxWeight = 150.0 } };

    protected override ITrainableHasher Create(NeuralSettings<VdshConfig> settings, HashingDataset data, Device device) =>
        new VdshModel(settings.Model, data.VocabularySize, RequireLabels(settings, data), data.LabelCount, data.IsMultiLabel, settings.Seed, device);
}
