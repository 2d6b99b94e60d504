using Doc2Hash.Data;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Training;
using static TorchSharp.torch;

namespace Doc2Hash.Experiments.Methods;

/// <summary>Doc2hash: a VAE with binary latent bits relaxed by the Gumbel-Softmax (<see cref="Doc2HashModel"/>).</summary>
public sealed class Doc2HashMethod : NeuralMethod<Doc2HashConfig>
{
    public const string MethodName = "doc2hash";

    public override string Name => MethodName;
    public override string Paper => "Zhang and Zhu, NAACL 2019 (Doc2hash: Learning Discrete Latent variables for Documents Retrieval)";
    public override bool IsSupervised => false;
    public override string PresetSource => "yifeiacc/doc2hash train_gumble.py and models/VDSH_gubel.py (the authors' code)";

    /// <summary>lr 5e-4, batch 100, 100 epochs, dropout 0.2, KL weight 2, hidden 500, tau 1.0 x0.96 per step, floor 0.1.</summary>
    public override NeuralSettings<Doc2HashConfig> Preset(int bits) => new(
        new Doc2HashConfig
        {
            Bits = bits,
            HiddenSize = 500,                       // hidden_dim = 500
            Dropout = 0.2,                          // --dropout default 0.2
            KlWeight = 2.0,                         // kl_weight = 2, constant
            KlForm = KlForm.PerBit,                 // the principled KL; the authors' flat-softmax form is --kl-form authors
            KlAnnealSteps = 0,                      // no KL annealing (an ablation: --kl-anneal-steps)
            FreeBits = 0,                           // no free bits (an ablation: --free-bits)
            Temperature = new TemperatureSchedule { Initial = 1.0, Rate = 0.96, Floor = 0.1, Every = AnnealEvery.Step }, // tmp = 1; max(tmp * 0.96, 0.1) per step
            Init = WeightInit.Default,              // PyTorch's default nn.Linear initialisation
        },
        LabelHead: null,
        new TrainerOptions
        {
            Epochs = 100,                           // --num_epochs 100
            BatchSize = 100,                        // --train_batch_size 100
            LearningRate = 5e-4,                    // --lr 0.0005
        });

    protected override ITrainableHasher Create(NeuralSettings<Doc2HashConfig> settings, HashingDataset data, Device device) =>
        new Doc2HashModel(settings.Model, data.VocabularySize, settings.Seed, device);
}
