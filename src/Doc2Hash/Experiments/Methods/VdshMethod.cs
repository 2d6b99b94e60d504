using Doc2Hash.Data;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Training;
using static TorchSharp.torch;

namespace Doc2Hash.Experiments.Methods;

/// <summary>VDSH: a Gaussian VAE whose latent means are thresholded at their training medians (<see cref="VdshModel"/>).</summary>
public sealed class VdshMethod : NeuralMethod<VdshConfig>
{
    public override string Name => "vdsh";
    public override string Paper => "Chaidaroon and Fang, SIGIR 2017 (Variational Deep Semantic Hashing for Text Documents)";
    public override bool IsSupervised => false;
    public override string PresetSource => "yifeiacc/doc2hash train_VDSH.py and models/VDSH.py (the PyTorch port of VDSH the Doc2hash authors shipped)";

    /// <summary>Hidden 1000, dropout 0.2, KL weight 0 -> 1 by 1/5000 per step, lr 1e-3, batch 100, 30 epochs.</summary>
    public override NeuralSettings<VdshConfig> Preset(int bits) => new(
        new VdshConfig
        {
            Bits = bits,
            HiddenSize = 1000,                                                // self.hidden_dim = 1000
            Dropout = 0.2,                                                    // VDSH(..., dropoutProb=0.2)
            KlWeight = new WeightRamp { Initial = 0, Increment = 1.0 / 5000, Max = 1 },   // kl_weight = 0; kl_step = 1/5000; min(kl_weight + kl_step, 1) after each step
            Init = WeightInit.Default,                                        // PyTorch's default nn.Linear initialisation
        },
        LabelHead: null,
        new TrainerOptions
        {
            Epochs = 30,                                                      // --num_epochs 30
            BatchSize = 100,                                                  // --train_batch_size 100
            LearningRate = 1e-3,                                              // --lr 0.001
        });

    protected override ITrainableHasher Create(NeuralSettings<VdshConfig> settings, HashingDataset data, Device device) =>
        new VdshModel(settings.Model, data.VocabularySize, seed: settings.Seed, device: device);
}
