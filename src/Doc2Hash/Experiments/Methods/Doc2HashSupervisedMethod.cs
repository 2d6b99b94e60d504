using Doc2Hash.Data;
using Doc2Hash.Hashing.Neural;
using static TorchSharp.torch;

namespace Doc2Hash.Experiments.Methods;

/// <summary>Doc2hash-S: Doc2hash plus a label head on the sampled code (<see cref="Doc2HashSupervised"/>).</summary>
public sealed class Doc2HashSupervisedMethod : NeuralMethod<Doc2HashConfig>
{
    public const string MethodName = "doc2hash-s";

    public override string Name => MethodName;
    public override string Paper => "Zhang and Zhu, NAACL 2019 (Doc2hash, supervised variant)";
    public override bool IsSupervised => true;
    public override string PresetSource => "yifeiacc/doc2hash train_s_gumbel.py and models/VDSH_S_gubel.py (the authors' code)";

    /// <summary>Doc2hash's preset with lr 1e-4, dropout 0, tau0 0.2, Xavier-uniform weights with bias 0.01, label weight +0.003/step up to 150.</summary>
    public override NeuralSettings<Doc2HashConfig> Preset(int bits)
    {
        var unsupervised = new Doc2HashMethod().Preset(bits);
        return new NeuralSettings<Doc2HashConfig>(
            unsupervised.Model with
            {
                Dropout = 0.0,                                                          // --dropout default 0
                Temperature = unsupervised.Model.Temperature with { Initial = 0.2 },    // tmp = 0.2
                Init = WeightInit.XavierUniform,                                        // init_weights (xavier_uniform_)
                BiasFill = 0.01,                                                        // m.bias.data.fill_(0.01)
            },
            new LabelHeadConfig { WeightStep = 0.003, MaxWeight = 150.0 },              // pred_weight += 3/1000 per step, max 150
            unsupervised.Training with { LearningRate = 1e-4 });                        // --lr 0.0001
    }

    protected override ITrainableHasher Create(NeuralSettings<Doc2HashConfig> settings, HashingDataset data, Device device) =>
        new Doc2HashSupervised(settings.Model, RequireLabels(settings, data), data.VocabularySize, data.LabelCount, data.IsMultiLabel, settings.Seed, device);
}
