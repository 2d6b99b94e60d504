using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Relaxations;

/// <summary>How a Gumbel-Softmax sample is passed on to the decoder.</summary>
public enum GumbelMode
{
    /// <summary>The relaxed sample <c>softmax((logits + g) / tau)</c>, differentiable, never exactly one-hot.</summary>
    Soft,

    /// <summary>
    /// Straight-through (what the Doc2hash authors use): the forward value is the one-hot argmax of the soft
    /// sample, the backward pass uses the gradient of the soft sample (<c>hard - y.detach() + y</c>).
    /// </summary>
    StraightThrough,
}

/// <summary>
/// Gumbel-Softmax (concrete) sampling of a binary latent seen as one 2-class categorical per bit (Jang et al. 2017,
/// Maddison et al. 2017; Doc2hash section 2.2). TorchSharp has no <c>gumbel_softmax</c>, hence these few lines.
/// </summary>
public static class GumbelSoftmax
{
    /// <summary>Guards both logarithms of the Gumbel transform against log(0), as in the authors' code (1e-20).</summary>
    public const double Epsilon = 1e-20;

    /// <summary>Standard Gumbel noise <c>g = -log(-log(U + eps) + eps)</c>, U ~ Uniform[0, 1) from <paramref name="generator"/>.</summary>
    public static Tensor SampleGumbel(long[] shape, Generator generator, Device device, ScalarType dtype = ScalarType.Float32)
    {
        using var uniform = rand(shape, dtype: dtype, device: device, generator: generator);
        using var epsilon = Epsilon.ToScalar();   // explicit and alive across the native calls (environment.md, "Scalars")
        return uniform.add(epsilon).log().neg().add(epsilon).log().neg();
    }

    /// <summary>
    /// Draws one relaxed sample per categorical. <paramref name="logits"/> has the classes on its last axis,
    /// e.g. (B, L, 2) for L bits; the result has the same shape and sums to 1 over the last axis.
    /// </summary>
    public static Tensor Sample(Tensor logits, double temperature, GumbelMode mode, Generator generator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        using var scope = NewDisposeScope();
        var gumbel = SampleGumbel(logits.shape, generator, logits.device, logits.dtype);
        using var tau = temperature.ToScalar();
        var soft = logits.add(gumbel).div(tau).softmax(-1);                                   // (B, L, 2)
        if (mode == GumbelMode.Soft) return soft.MoveToOuterDisposeScope();
        var hard = nn.functional.one_hot(soft.argmax(-1), soft.shape[^1]).to(soft.dtype);      // (B, L, 2)
        return (hard - soft.detach() + soft).MoveToOuterDisposeScope();
    }
}
