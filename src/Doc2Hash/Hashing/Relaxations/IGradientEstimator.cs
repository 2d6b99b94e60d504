using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Relaxations;

/// <summary>
/// A gradient estimator for a latent of L independent Bernoulli bits, q_i = sigmoid(phi_i), turned into a surrogate loss:
/// autograd of the returned scalar gives the estimator's gradient with respect to the logits phi (and, through the
/// loss function, to the loss function's own parameters). Its value estimates the objective (the mean loss over
/// the samples), so it can be logged and added to other loss terms (e.g. a KL computed in closed form).
/// <para>
/// Shapes: <c>logits</c> is (..., L) (any batch axes, e.g. (B, L) for B documents; a model's (B, L, 2) pair logits
/// become (B, L) through <see cref="BernoulliLatent.FromPairLogits"/>). The estimator draws S codes per batch
/// position, (S, ..., L), hard in {0, 1} or relaxed in [0, 1], and calls <c>loss</c> on them, which must return one
/// loss per sample and position, (S, ...). The surrogate is the sum over batch positions of the mean over samples,
/// so its gradient for position b estimates d/dphi_b E_q[loss_b(z)]; scale the loss (e.g. by 1/B) for a batch mean.
/// </para>
/// Estimators may keep state across calls (the moving-average baseline of <see cref="ReinforceEstimator"/>): dispose
/// them when done.
/// </summary>
public interface IGradientEstimator : IDisposable
{
    /// <summary>Which estimator this is.</summary>
    BernoulliEstimator Kind { get; }

    /// <summary>How many times the estimator calls the loss on one code per sample (2 for ARM's antithetic pair, else 1).</summary>
    int LossEvaluationsPerSample { get; }

    /// <summary>
    /// Draws <paramref name="samples"/> codes per batch position from <paramref name="generator"/> and returns the
    /// surrogate scalar. <paramref name="temperature"/> is used by the Gumbel-Softmax estimators only.
    /// </summary>
    Tensor Surrogate(Tensor logits, Func<Tensor, Tensor> loss, int samples, double temperature, Generator generator);

    /// <summary>Stateless estimators hold nothing to release.</summary>
    void IDisposable.Dispose()
    {
    }
}
