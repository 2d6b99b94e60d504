using Doc2Hash.Data;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Training;
using static TorchSharp.torch;

namespace Doc2Hash.Experiments.Methods;

/// <summary>NASH: Bernoulli latent bits sampled in training, trained with the straight-through gradient (<see cref="NashModel"/>).</summary>
public sealed class NashMethod : NeuralMethod<NashConfig>
{
    public const string MethodName = "nash";

    public override string Name => MethodName;
    public override string Paper => "Shen et al., ACL 2018 (NASH: Toward End-to-End Neural Architecture for Generative Semantic Hashing)";
    public override bool IsSupervised => false;
    public override string PresetSource => "objective as the NASH paper (the variational lower bound: stochastic bits, straight-through, full Bernoulli KL at weight 1); network and optimisation from yifeiacc/doc2hash train_NASH.py and models/NASH.py (the Doc2hash authors' NASH, whose 32-bit numbers are the bar)";

    /// <summary>
    /// Hidden 500 (two layers), dropout 0.2, KL weight 1, lr 1e-3, batch 100, 20 epochs, stochastic bits. The Doc2hash
    /// authors instead use a constant KL weight 0.01 with deterministic bits (--kl-weight-initial 0.01 --kl-weight-max
    /// 0.01 --binarization deterministic); stochastic bits at weight 0.01 collapse to constant codes (measured on the
    /// synthetic corpus: validation P@100 0.18 after one epoch, chance 0.05 after two), the lower bound does not.
    /// </summary>
    public override NeuralSettings<NashConfig> Preset(int bits) => new(
        new NashConfig
        {
            Bits = bits,
            HiddenSize = 500,                                                 // self.hidden_dim = 500, two ReLU layers
            Dropout = 0.2,                                                    // --dropout default 0.2
            KlWeight = new WeightRamp { Initial = 1, Increment = 0, Max = 1 },  // the lower bound's KL, constant (the authors' script: 0.01)
            Binarization = BinarySampling.Stochastic,                          // the paper: z = 1[u < sigmoid(g(x))] in training
            Noise = DecoderNoise.None,
            Init = WeightInit.Default,                                        // PyTorch's default nn.Linear initialisation
        },
        LabelHead: null,
        new TrainerOptions
        {
            Epochs = 20,                                                      // --num_epochs 20
            BatchSize = 100,                                                  // --train_batch_size 100
            LearningRate = 1e-3,                                              // --lr 0.001
        });

    protected override ITrainableHasher Create(NeuralSettings<NashConfig> settings, HashingDataset data, Device device) =>
        new NashModel(settings.Model, data.VocabularySize, seed: settings.Seed, device: device);
}
