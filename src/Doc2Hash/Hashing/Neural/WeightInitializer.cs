using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Neural;

/// <summary>Applies <see cref="WeightInit.XavierUniform"/> (the authors' Doc2hash-S <c>init_weights</c>) to a module.</summary>
internal static class WeightInitializer
{
    /// <summary>Xavier-uniform on every matrix parameter, the constant <see cref="Doc2HashConfig.BiasFill"/> on every vector.</summary>
    public static void Apply(nn.Module module, Doc2HashConfig config)
    {
        if (config.Init != WeightInit.XavierUniform) return;
        using var _ = no_grad();
        foreach (var (_, parameter) in module.named_parameters())
        {
            // Xavier's bound sqrt(6 / (fan_in + fan_out)) is symmetric, so the EmbeddingBag's (V, H) weight gets the
            // same distribution as the authors' (H, V) nn.Linear weight.
            if (parameter.dim() == 2) nn.init.xavier_uniform_(parameter);
            else parameter.fill_(config.BiasFill);
        }
    }
}
