using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Relaxations;

/// <summary>
/// What the Bernoulli gradient estimators share: a latent of L independent bits with logits phi of shape (..., L),
/// q_i = P(z_i = 1) = sigmoid(phi_i); conversions to and from the model's 2-class-per-bit layout; the log-probability
/// of a code; and the surrogate's reduction (mean over samples, sum over batch positions).
/// </summary>
public static class BernoulliLatent
{
    /// <summary>
    /// Bernoulli logits from the model's pair logits (..., L, 2): softmax((l0, l1))[1] = sigmoid(l1 - l0), so
    /// phi = l1 - l0. Differentiable, so an estimator's gradient reaches both class logits (with opposite signs).
    /// </summary>
    public static Tensor FromPairLogits(Tensor pairLogits)
    {
        if (pairLogits.dim() < 2 || pairLogits.shape[^1] != 2)
            throw new ArgumentException($"Expected pair logits of shape (..., L, 2), got ({string.Join(", ", pairLogits.shape)}).", nameof(pairLogits));
        return pairLogits.select(-1, 1).sub(pairLogits.select(-1, 0));
    }

    /// <summary>A code (..., L) in [0, 1] as the model's one-hot-per-bit layout (..., L, 2) = [1 - z, z] (what <c>Doc2HashModel.Decode</c> takes).</summary>
    public static Tensor ToPairCode(Tensor code) => stack([ones_like(code).sub(code), code], -1);

    /// <summary>
    /// log q(z) = sum_i [z_i log sigmoid(phi_i) + (1 - z_i) log sigmoid(-phi_i)] for codes (S, ..., L) and logits
    /// (..., L): shape (S, ...). Its gradient with respect to phi is z - q, the score function.
    /// </summary>
    public static Tensor LogProbability(Tensor logits, Tensor code)
    {
        var logOne = nn.functional.logsigmoid(logits);          // (..., L)
        var logZero = nn.functional.logsigmoid(logits.neg());   // (..., L)
        return code.mul(logOne).add(ones_like(code).sub(code).mul(logZero)).sum(-1);
    }

    /// <summary>Uniform noise U[0, 1) of shape (S, ..., L) for <paramref name="samples"/> codes per batch position of <paramref name="logits"/>.</summary>
    public static Tensor Uniform(Tensor logits, int samples, Generator generator)
    {
        Validate(logits, samples);
        return rand(SampleShape(logits, samples), dtype: logits.dtype, device: logits.device, generator: generator);
    }

    /// <summary>Hard codes 1[u &lt; q] from uniform noise (S, ..., L): Bernoulli(q) samples, no gradient path to the logits.</summary>
    public static Tensor HardCode(Tensor logits, Tensor uniform)
    {
        using var _ = no_grad();
        return uniform.lt(logits.sigmoid()).to(logits.dtype);
    }

    /// <summary>Calls the loss on codes (S, ..., L) and checks it returned one value per sample and position, (S, ...).</summary>
    public static Tensor Evaluate(Func<Tensor, Tensor> loss, Tensor code)
    {
        var value = loss(code);
        var expected = code.shape[..^1];
        if (!value.shape.SequenceEqual(expected))
            throw new ArgumentException(
                $"The loss must return one value per sample and batch position, shape ({string.Join(", ", expected)}) for codes of shape " +
                $"({string.Join(", ", code.shape)}); it returned ({string.Join(", ", value.shape)}). Reduce only over the bits and the data, not over samples or documents.");
        return value;
    }

    /// <summary>The surrogate's reduction of per-sample values (S, ...): the mean over samples, summed over batch positions.</summary>
    public static Tensor MeanOverSamples(Tensor perSample) => perSample.mean([0]).sum();

    /// <summary>Checks the logits and sample count every estimator needs, with messages that say how to fix them.</summary>
    public static void Validate(Tensor logits, int samples)
    {
        if (logits.dim() < 1)
            throw new ArgumentException("Bernoulli logits need at least one axis (the bits, last).", nameof(logits));
        if (!logits.is_floating_point())
            throw new ArgumentException($"Bernoulli logits must be floating point (float32 or float64), got {logits.dtype}.", nameof(logits));
        if (samples < 1)
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "The number of samples per position must be at least 1.");
    }

    private static long[] SampleShape(Tensor logits, int samples) => [samples, .. logits.shape];
}
