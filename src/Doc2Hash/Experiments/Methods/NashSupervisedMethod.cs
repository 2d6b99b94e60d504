using Doc2Hash.Data;
using Doc2Hash.Hashing.Neural;
using static TorchSharp.torch;

namespace Doc2Hash.Experiments.Methods;

/// <summary>Supervised NASH: NASH plus a label head on the straight-through code.</summary>
public sealed class NashSupervisedMethod : NeuralMethod<NashConfig>
{
    public override string Name => "nash-s";
    public override string Paper => "Shen et al., ACL 2018 (NASH, supervised)";
    public override bool IsSupervised => true;
    public override string PresetSource => "NASH's preset; the label-weight ramp is the Doc2hash authors' Doc2hash-S schedule (train_s_gumbel.py)";

    public override NeuralSettings<NashConfig> Preset(int bits) =>
        new NashMethod().Preset(bits) with { LabelHead = new LabelHeadConfig { WeightStep = 0.003, MaxWeight = 150.0 } };

    protected override ITrainableHasher Create(NeuralSettings<NashConfig> settings, HashingDataset data, Device device) =>
        new NashModel(settings.Model, data.VocabularySize, RequireLabels(settings, data), data.LabelCount, data.IsMultiLabel, settings.Seed, device);
}
