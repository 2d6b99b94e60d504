using TorchSharp;
using static TorchSharp.torch;

using Doc2Hash.Configuration;

namespace Doc2Hash.Hashing.Relaxations;

/// <summary>Which KL term to use between the encoder's bit distribution and the uniform Bernoulli(1/2) prior.</summary>
public enum KlForm
{
    /// <summary>
    /// The principled form: each bit i is a 2-class categorical q_i = softmax(logits_i), and
    /// KL = sum_i sum_k q_ik log(q_ik / (1/2)) = sum_i sum_k q_ik log(2 q_ik).
    /// </summary>
    [OptionName("per-bit")]
    PerBit,

    /// <summary>
    /// The authors' code (<c>F.softmax(q)</c> on the flat (B, 2L) logits, then <c>sum(p log(p / 0.5))</c>): one softmax
    /// over all 2L logits, KL = sum_j p_j log p_j + log 2. It constrains the logits very differently from the
    /// per-bit form (it is bounded by log 2L + log 2 whatever L is); kept only as an ablation.
    /// </summary>
    [OptionName("authors")]
    AuthorsFlatSoftmax,
}

/// <summary>KL divergence of the encoder's binary posterior to the uniform Bernoulli prior.</summary>
public static class BernoulliKl
{
    /// <summary>
    /// The KL term for logits of shape (B, L, 2): the value per document (summed over bits in the per-bit form),
    /// averaged over the B documents of the batch, as a scalar tensor. Uses log-softmax, so no epsilon is needed.
    /// </summary>
    public static Tensor Compute(Tensor logits, KlForm form)
    {
        if (logits.dim() != 3 || logits.shape[2] != 2)
            throw new ArgumentException($"Expected logits of shape (B, L, 2), got ({string.Join(", ", logits.shape)}).", nameof(logits));
        using var scope = NewDisposeScope();
        var flat = form == KlForm.PerBit ? logits : logits.flatten(1);   // (B, L, 2) or (B, 2L)
        var logQ = flat.log_softmax(-1);
        using var log2 = Math.Log(2).ToScalar();   // explicit and alive across the native calls (environment.md, "Scalars")
        var perDocument = form == KlForm.PerBit
            ? logQ.exp().mul(logQ.add(log2)).sum([1, 2])           // sum over bits and classes: (B)
            : logQ.exp().mul(logQ).sum(1).add(log2);                    // (B)
        return perDocument.mean().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Each bit's KL to Bernoulli(1/2) for logits (B, L, 2): KL_bi = sum_k q_bik log(2 q_bik), q_bi = softmax(logits_bi),
    /// shape (B, L), each in [0, ln 2]. Summed over bits and averaged over documents it is <see cref="Compute"/>'s per-bit
    /// form (up to float summation order, which is why <see cref="Compute"/> keeps its own reduction).
    /// </summary>
    public static Tensor PerBit(Tensor logits)
    {
        if (logits.dim() != 3 || logits.shape[2] != 2)
            throw new ArgumentException($"Expected logits of shape (B, L, 2), got ({string.Join(", ", logits.shape)}).", nameof(logits));
        using var scope = NewDisposeScope();
        var logQ = logits.log_softmax(-1);
        using var log2 = Math.Log(2).ToScalar();
        return logQ.exp().mul(logQ.add(log2)).sum(2).MoveToOuterDisposeScope();   // (B, L)
    }

    /// <summary>
    /// Free bits (Kingma et al. 2016, "Improved variational inference with inverse autoregressive flow", eq. 15 with
    /// one group per bit): sum_i max(lambda, mean_b KL_bi), each bit's KL averaged over the minibatch and then clamped
    /// below at <paramref name="lambda"/> nats. A bit whose average KL is under lambda adds the constant lambda and gets
    /// no KL gradient, so the encoder may spend up to lambda nats on it for free instead of collapsing it to the prior.
    /// Only the per-bit form has per-bit terms; the authors' flat softmax has none.
    /// </summary>
    public static Tensor WithFreeBits(Tensor logits, double lambda)
    {
        if (!double.IsFinite(lambda) || lambda < 0) throw new ArgumentException($"Free bits need a finite lambda >= 0 nats (got {lambda}).", nameof(lambda));
        using var scope = NewDisposeScope();
        using var floor = lambda.ToScalar();
        return PerBit(logits).mean([0]).clamp_min(floor).sum().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The per-bit KL for a Bernoulli latent given by one logit per bit, (B, L): q = sigmoid(l), KL = sum_i q_i log 2q_i
    /// + (1 - q_i) log 2(1 - q_i) (NASH, Shen et al. 2018). sigmoid(l) is the second class of softmax([0, l]), so this is
    /// <see cref="Compute"/>'s per-bit form on (B, L, 2) logits [0, l].
    /// </summary>
    public static Tensor FromBitLogits(Tensor bitLogits)
    {
        if (bitLogits.dim() != 2) throw new ArgumentException($"Expected bit logits of shape (B, L), got ({string.Join(", ", bitLogits.shape)}).", nameof(bitLogits));
        using var scope = NewDisposeScope();
        var pairs = stack([zeros_like(bitLogits), bitLogits], -1);   // (B, L, 2)
        return Compute(pairs, KlForm.PerBit).MoveToOuterDisposeScope();
    }
}
