using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Doc2Hash.Training;

/// <summary>
/// TorchSharp's <c>optim.Adam</c> with PyTorch's defaults (betas 0.9 / 0.999, eps 1e-8, no weight decay) on every
/// parameter; its state is written in TorchSharp's optimizer format, as checkpoints always stored it.
/// </summary>
public sealed class AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate) : ITrainingOptimizer
{
    private readonly OptimizerHelper adam = optim.Adam(parameters, lr: learningRate);

    public void Step() => adam.step();
    public void Save(BinaryWriter writer) => adam.save_state_dict(writer);
    public void Load(BinaryReader reader) => adam.load_state_dict(reader);
    public void Dispose() => adam.Dispose();
}
