using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Relaxations;

/// <summary>
/// Augment-REINFORCE-Merge (Yin and Zhou, ICLR 2019, "ARM: Augment-REINFORCE-Merge gradient for stochastic binary
/// networks", Theorem 1): for z ~ Bernoulli(sigmoid(phi)) and u ~ U[0, 1]^L,
/// grad_phi E_q[f(z)] = E_u[(f(1[u &gt; sigmoid(-phi)]) - f(1[u &lt; sigmoid(phi)])) (u - 1/2)],
/// unbiased; the two codes share one u (an antithetic pair, each marginally Bernoulli(q)), so f's difference is small
/// when the codes agree and the estimate has far lower variance than REINFORCE. Each sample costs two loss calls
/// (one batched call on (2S, ..., L) codes). The surrogate's value is the mean loss over all 2S codes, whose gradient
/// also gives f's own parameters their pathwise gradient; the logits get the ARM estimate through
/// sum(stop(g) (phi - stop(phi))).
/// </summary>
public sealed class ArmEstimator : IGradientEstimator
{
    public BernoulliEstimator Kind => BernoulliEstimator.Arm;

    public int LossEvaluationsPerSample => 2;

    public Tensor Surrogate(Tensor logits, Func<Tensor, Tensor> loss, int samples, double temperature, Generator generator)
    {
        using var scope = NewDisposeScope();
        var u = BernoulliLatent.Uniform(logits, samples, generator);                 // (S, ..., L)
        var (first, second) = AntitheticCodes(logits, u);
        var value = BernoulliLatent.Evaluate(loss, cat([first, second], 0));         // (2S, ...)
        var difference = value[..samples].sub(value[samples..]).detach();            // (S, ...)
        var gradient = LogitGradient(difference, u).mean([0]);                       // (..., L)
        return BernoulliLatent.MeanOverSamples(value).add(GradientPath(gradient, logits)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// ARM's antithetic pair for uniform noise u (..., L) and logits phi (..., L): 1[u &gt; sigmoid(-phi)] and
    /// 1[u &lt; sigmoid(phi)], each marginally Bernoulli(sigmoid(phi)), as 0/1 values of the logits' dtype, no gradient.
    /// </summary>
    public static (Tensor First, Tensor Second) AntitheticCodes(Tensor logits, Tensor uniform)
    {
        using var _ = no_grad();
        return (uniform.gt(logits.neg().sigmoid()).to(logits.dtype), uniform.lt(logits.sigmoid()).to(logits.dtype));
    }

    /// <summary>
    /// One ARM estimate per draw: g = (f(first) - f(second)) (u - 1/2), from the loss difference (...) of one pair and
    /// its noise u (..., L): (..., L). Its mean over draws is grad_phi E[f(z)] (Theorem 1).
    /// </summary>
    public static Tensor LogitGradient(Tensor difference, Tensor uniform)
    {
        using var half = 0.5.ToScalar();
        return difference.detach().unsqueeze(-1).mul(uniform.sub(half));
    }

    /// <summary>sum(stop(g) (phi - stop(phi))): value 0, gradient g with respect to the logits phi.</summary>
    public static Tensor GradientPath(Tensor gradient, Tensor logits) => gradient.detach().mul(logits.sub(logits.detach())).sum();
}
