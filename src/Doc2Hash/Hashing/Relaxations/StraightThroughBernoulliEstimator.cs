using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Relaxations;

/// <summary>
/// Straight-through Bernoulli, as NASH (Shen et al., ACL 2018, section 2.2) trains its stochastic binary codes: the
/// forward pass uses the hard sample z = 1[u &lt; q], the backward pass treats dz/dq as the identity
/// (z = hard + q - stop(q)), so the logits get mean_s f'(z_s) q (1 - q). Biased whenever f is not linear in z
/// (f'(z) at a vertex is not the finite difference the exact gradient uses); low variance.
/// </summary>
public sealed class StraightThroughBernoulliEstimator : IGradientEstimator
{
    public BernoulliEstimator Kind => BernoulliEstimator.StraightThroughBernoulli;

    public int LossEvaluationsPerSample => 1;

    public Tensor Surrogate(Tensor logits, Func<Tensor, Tensor> loss, int samples, double temperature, Generator generator)
    {
        using var scope = NewDisposeScope();
        var q = logits.sigmoid();                                                                    // (..., L)
        var hard = BernoulliLatent.HardCode(logits, BernoulliLatent.Uniform(logits, samples, generator)); // (S, ..., L)
        var code = hard.add(q.sub(q.detach()));                                                      // forward hard, backward identity to q
        return BernoulliLatent.MeanOverSamples(BernoulliLatent.Evaluate(loss, code)).MoveToOuterDisposeScope();
    }
}
