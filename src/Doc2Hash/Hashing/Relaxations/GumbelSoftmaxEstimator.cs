using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Relaxations;

/// <summary>
/// The Gumbel-Softmax relaxation (Jang et al. 2017; Maddison et al. 2017) as a Bernoulli gradient estimator: each bit
/// is the 2-class categorical with logits (0, phi), sampled by <see cref="GumbelSoftmax.Sample"/>, and the code is the
/// class-1 coordinate, sigmoid((phi + g1 - g0) / tau) with g1 - g0 ~ Logistic(0, 1) (the binary concrete). Soft: the
/// loss sees that relaxed code; straight-through (Doc2hash): the loss sees its rounding, gradients flow through the
/// relaxed code. Both are biased for the discrete objective; the bias and variance trade off with the temperature.
/// </summary>
public sealed class GumbelSoftmaxEstimator(GumbelMode mode) : IGradientEstimator
{
    public GumbelMode Mode { get; } = mode;

    public BernoulliEstimator Kind => Mode == GumbelMode.Soft ? BernoulliEstimator.GumbelSoftmaxSoft : BernoulliEstimator.GumbelSoftmaxStraightThrough;

    public int LossEvaluationsPerSample => 1;

    public Tensor Surrogate(Tensor logits, Func<Tensor, Tensor> loss, int samples, double temperature, Generator generator)
    {
        BernoulliLatent.Validate(logits, samples);
        using var scope = NewDisposeScope();
        var pair = stack([zeros_like(logits), logits], -1);                                   // (..., L, 2)
        var repeated = pair.unsqueeze(0).expand([samples, .. pair.shape]);                    // (S, ..., L, 2)
        var code = GumbelSoftmax.Sample(repeated, temperature, Mode, generator).select(-1, 1); // (S, ..., L)
        return BernoulliLatent.MeanOverSamples(BernoulliLatent.Evaluate(loss, code)).MoveToOuterDisposeScope();
    }
}
