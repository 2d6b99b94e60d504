using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Relaxations;

/// <summary>
/// KL of Doc2hash's binary posterior to a learned prior with L logits theta (<see cref="LatentPrior.Learned"/>). The
/// prior is written in the posterior's own layout, pair logits [0, theta_j] per bit, and each KL form normalises it
/// the way it normalises the posterior:
/// <list type="bullet">
/// <item>per-bit: KL = sum_j KL(Bern(q_j) || Bern(p_j)), q_j = softmax(l_j)[1], p_j = softmax([0, theta_j])[1] =
/// sigmoid(theta_j), i.e. sum_j sum_k q_jk (log q_jk - log p_jk);</item>
/// <item>the authors' flat form: KL(softmax(all 2L logits) || softmax(all 2L prior pair logits)) - log L. The prior
/// is a categorical over the 2L cells with cell (j, 1) e^theta_j times as likely as cell (j, 0); at theta = 0 it is
/// uniform, KL = sum p log p + log 2L, and the constant -log L makes it the authors' sum p log p + log 2 exactly
/// (their code's constant; it changes no gradient).</item>
/// </list>
/// At theta = 0 both equal <see cref="BernoulliKl.Compute"/> (the uniform prior) up to float rounding; the model keeps
/// <see cref="BernoulliKl.Compute"/> for <see cref="LatentPrior.Uniform"/>, so the default stays bitwise unchanged.
/// The gradient reaches theta: for one bit dKL/dtheta_j = p_j - q_j (the prior moves toward the batch's posteriors).
/// </summary>
public static class LearnedBernoulliPrior
{
    /// <summary>
    /// The KL term for posterior logits (B, L, 2) and prior logits (L): per document (summed over bits in the per-bit
    /// form), averaged over the batch, as a scalar tensor.
    /// </summary>
    public static Tensor Compute(Tensor logits, Tensor priorLogits, KlForm form)
    {
        if (logits.dim() != 3 || logits.shape[2] != 2)
            throw new ArgumentException($"Expected logits of shape (B, L, 2), got ({string.Join(", ", logits.shape)}).", nameof(logits));
        if (priorLogits.dim() != 1 || priorLogits.shape[0] != logits.shape[1])
            throw new ArgumentException($"Expected {logits.shape[1]} prior logits (one per bit), got shape ({string.Join(", ", priorLogits.shape)}).", nameof(priorLogits));
        using var scope = NewDisposeScope();
        var priorPairs = stack([zeros_like(priorLogits), priorLogits], -1);                  // (L, 2)
        Tensor perDocument;
        if (form == KlForm.PerBit)
        {
            var logQ = logits.log_softmax(-1);                                              // (B, L, 2)
            var logP = priorPairs.log_softmax(-1);                                          // (L, 2)
            perDocument = logQ.exp().mul(logQ.sub(logP)).sum([1, 2]);                       // (B)
        }
        else
        {
            var logQ = logits.flatten(1).log_softmax(-1);                                   // (B, 2L)
            var logP = priorPairs.flatten().log_softmax(-1);                                // (2L)
            using var logBits = Math.Log(logits.shape[1]).ToScalar();
            perDocument = logQ.exp().mul(logQ.sub(logP)).sum(1).sub(logBits);               // (B)
        }
        return perDocument.mean().MoveToOuterDisposeScope();
    }
}
