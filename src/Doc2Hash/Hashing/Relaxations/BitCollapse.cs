using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Relaxations;

/// <summary>
/// Per-bit collapse statistics of a minibatch, to explain posterior collapse (a bit whose posterior equals the
/// Bernoulli(1/2) prior for every document carries no information). From the per-bit KL of each bit's posterior
/// softmax(logits_bi) to Bernoulli(1/2), whatever KL form the loss uses, averaged over the minibatch: KL_i = mean_b KL_bi.
/// <list type="bullet">
/// <item><see cref="MeanKlPerBit"/>: mean_i KL_i, nats (ln 2 = 0.693 at most).</item>
/// <item><see cref="CollapsedShare"/>: the share of bits with KL_i &lt; <see cref="CollapsedBelowNats"/> = 0.01 nats.
/// KL(q || 1/2) ~ 2 (q - 1/2)^2 near 1/2, so 0.01 nats is a posterior within about 0.07 of 1/2 on average.</item>
/// </list>
/// Both are computed without gradient from the logits the step already has (no extra pass); the trainer averages
/// them over the epoch's minibatches like the loss terms, so metrics.csv holds their epoch means.
/// </summary>
public static class BitCollapse
{
    /// <summary>A bit counts as collapsed when its minibatch-mean KL to Bernoulli(1/2) is below this (nats).</summary>
    public const double CollapsedBelowNats = 0.01;

    /// <summary>Loss-term name of <see cref="MeanKlPerBit"/> (metrics.csv column <c>loss_kl_per_bit</c>).</summary>
    public const string MeanKlPerBitName = "kl_per_bit";

    /// <summary>Loss-term name of <see cref="CollapsedShare"/> (metrics.csv column <c>loss_collapsed_bits</c>).</summary>
    public const string CollapsedShareName = "collapsed_bits";

    /// <summary>Both statistics of logits (B, L, 2) as scalar tensors keyed by their loss-term names.</summary>
    public static IReadOnlyDictionary<string, Tensor> Of(Tensor logits)
    {
        using var noGrad = no_grad();
        using var perBit = BernoulliKl.PerBit(logits.detach());   // (B, L)
        return OfPerBitKl(perBit);
    }

    /// <summary>
    /// Both statistics from any per-bit KL (B, L), e.g. each dimension's Gaussian KL to N(0, 1) for Doc2hash's
    /// Gaussian prior (<see cref="GaussianKl.PerDimension"/>; there a collapsed dimension is an inactive unit).
    /// </summary>
    public static IReadOnlyDictionary<string, Tensor> OfPerBitKl(Tensor perBitKl)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var perBit = perBitKl.detach().mean([0]);   // (L)
        using var threshold = CollapsedBelowNats.ToScalar();
        var mean = perBit.mean().MoveToOuterDisposeScope();
        var collapsed = perBit.lt(threshold).to_type(perBit.dtype).mean().MoveToOuterDisposeScope();
        return new Dictionary<string, Tensor> { [MeanKlPerBitName] = mean, [CollapsedShareName] = collapsed };
    }
}
