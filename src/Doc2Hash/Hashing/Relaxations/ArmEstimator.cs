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
        Tensor first, second;
        using (no_grad())
        {
            first = u.gt(logits.neg().sigmoid()).to(logits.dtype);                   // 1[u > sigmoid(-phi)]
            second = u.lt(logits.sigmoid()).to(logits.dtype);                        // 1[u < sigmoid(phi)]
        }
        var value = BernoulliLatent.Evaluate(loss, cat([first, second], 0));         // (2S, ...)
        var difference = value[..samples].sub(value[samples..]).detach();            // (S, ...)
        using var half = 0.5.ToScalar();
        var gradient = difference.unsqueeze(-1).mul(u.sub(half)).mean([0]);          // (..., L)
        var pathForLogits = gradient.mul(logits.sub(logits.detach())).sum();         // value 0, gradient g
        return BernoulliLatent.MeanOverSamples(value).add(pathForLogits).MoveToOuterDisposeScope();
    }
}
