using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Neural;

/// <summary>
/// Initialises linear layers from an explicit generator, so a model's initial weights depend on its seed alone
/// (never on torch's global generator, which other threads or notebook cells may be using).
/// </summary>
internal static class WeightInitializer
{
    /// <summary>
    /// Default: PyTorch's nn.Linear initialisation, weights and bias uniform in +-1/sqrt(fan_in). Xavier-uniform:
    /// weights uniform in +-sqrt(6 / (fan_in + fan_out)), bias = <see cref="NeuralModelConfig.BiasFill"/> (the authors'
    /// Doc2hash-S <c>init_weights</c>). The bound is symmetric in the fans, so a (V, H) EmbeddingBag weight gets
    /// the same distribution as the authors' (H, V) nn.Linear weight.
    /// </summary>
    public static void Linear(Tensor weight, Tensor bias, long fanIn, long fanOut, NeuralModelConfig config, Generator generator)
    {
        using var _ = no_grad();
        if (config.Init == WeightInit.XavierUniform)
        {
            double bound = Math.Sqrt(6.0 / (fanIn + fanOut));
            weight.uniform_(-bound, bound, generator);
            bias.fill_(config.BiasFill);
        }
        else
        {
            double bound = 1.0 / Math.Sqrt(fanIn);
            weight.uniform_(-bound, bound, generator);
            bias.uniform_(-bound, bound, generator);
        }
    }

    public static void Linear(Linear layer, NeuralModelConfig config, Generator generator) =>
        Linear(layer.weight!, layer.bias!, layer.in_features, layer.out_features, config, generator);
}
