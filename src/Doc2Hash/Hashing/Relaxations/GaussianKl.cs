using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Relaxations;

/// <summary>KL divergence of a diagonal Gaussian posterior to the standard normal prior (VDSH's latent).</summary>
public static class GaussianKl
{
    /// <summary>
    /// KL(N(mu, exp(logVariance)) || N(0, I)) = -1/2 sum_j (1 + logvar_j - mu_j^2 - exp(logvar_j)) per document, averaged
    /// over the batch (Kingma and Welling 2014, appendix B; VDSH's calculate_KL_loss), from (B, L) tensors.
    /// </summary>
    public static Tensor Compute(Tensor mean, Tensor logVariance)
    {
        using var scope = NewDisposeScope();
        return PerDimension(mean, logVariance).sum(1).mean().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Each dimension's KL to N(0, 1), -1/2 (1 + logvar_j - mu_j^2 - exp(logvar_j)), for (B, L) tensors: (B, L). Summed
    /// over dimensions and averaged over documents it is <see cref="Compute"/> (scaling by -1/2 before or after the
    /// sum gives the same floats: a power of two).
    /// </summary>
    public static Tensor PerDimension(Tensor mean, Tensor logVariance)
    {
        using var scope = NewDisposeScope();
        using var one = 1.0.ToScalar();
        using var minusHalf = (-0.5).ToScalar();
        return logVariance.add(one).sub(mean.square()).sub(logVariance.exp()).mul(minusHalf).MoveToOuterDisposeScope();
    }

    /// <summary>A reparameterised sample mean + exp(logvar / 2) * eps, eps ~ N(0, I) from <paramref name="generator"/>.</summary>
    public static Tensor Sample(Tensor mean, Tensor logVariance, Generator generator)
    {
        using var scope = NewDisposeScope();
        using var half = 0.5.ToScalar();
        var noise = randn(mean.shape, dtype: mean.dtype, device: mean.device, generator: generator);
        return mean.add(logVariance.mul(half).exp().mul(noise)).MoveToOuterDisposeScope();
    }
}
