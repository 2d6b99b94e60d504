using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Relaxations;

/// <summary>How a Bernoulli latent is binarised during training.</summary>
public enum BinarySampling
{
    /// <summary>z = 1[u &lt; sigmoid(l)], u ~ Uniform[0, 1) per bit and document: a sample of the posterior (the NASH paper).</summary>
    Stochastic,

    /// <summary>z = 1[sigmoid(l) &gt; 1/2]: no sampling (the Doc2hash authors' re-implementation of NASH, train_NASH.py).</summary>
    Deterministic,
}

/// <summary>
/// Binary latent bits with the straight-through gradient of NASH (Shen et al. 2018, section 3.2; Bengio et al. 2013):
/// the forward value is the 0/1 code, the backward pass treats dz/dq as 1 for the Bernoulli mean q = sigmoid(l), so the
/// gradient reaching the logits is dL/dz * q (1 - q). Written <c>hard - q.detach() + q</c>.
/// </summary>
public static class StraightThroughBernoulli
{
    /// <summary>The (B, L) code for (B, L) logits; <paramref name="generator"/> draws u when sampling is stochastic.</summary>
    public static Tensor Sample(Tensor logits, BinarySampling sampling, Generator? generator)
    {
        using var scope = NewDisposeScope();
        var q = logits.sigmoid();                                                                 // (B, L)
        var hard = sampling == BinarySampling.Stochastic
            ? rand(q.shape, dtype: q.dtype, device: q.device, generator: generator ?? throw new ArgumentNullException(nameof(generator))).lt(q)
            : Threshold(logits);
        return (hard.to(q.dtype) - q.detach() + q).MoveToOuterDisposeScope();
    }

    /// <summary>Test-time code 1[sigmoid(l) &gt; 1/2] = 1[l &gt; 0] (NASH's deterministic encoding, u = 1/2), as a bool (B, L) tensor.</summary>
    public static Tensor Threshold(Tensor logits)
    {
        using var zero = 0.0.ToScalar();   // explicit and alive across the native call (environment.md, "Scalars")
        return logits.gt(zero);
    }
}
