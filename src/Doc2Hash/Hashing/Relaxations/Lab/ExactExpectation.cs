using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Relaxations.Lab;

/// <summary>
/// The exact expected loss E_q[f(z)] = sum over all 2^L codes c of q(c) f(c), q(c) = prod_i q_i^c_i (1 - q_i)^(1 - c_i),
/// and through autograd its exact gradient: with respect to the logits it flows through the weights q(c) (the sum of
/// f(c) dq(c)/dphi), with respect to f's parameters through f(c). This is the ground truth every estimator is judged
/// against; it is feasible for small L (2^L loss evaluations per batch position).
/// </summary>
public static class ExactExpectation
{
    /// <summary>Largest L enumerated (65,536 codes per position); beyond that, use the estimators.</summary>
    public const int MaxBits = 16;

    /// <summary>All 2^L codes as rows (2^L, L): row c has bit i = (c &gt;&gt; i) &amp; 1 (so row 1 is (1, 0, ..., 0)).</summary>
    public static Tensor AllCodes(int bits, ScalarType dtype = ScalarType.Float64, Device? device = null)
    {
        if (bits < 1 || bits > MaxBits)
            throw new ArgumentOutOfRangeException(nameof(bits), bits, $"Exact enumeration needs 1 to {MaxBits} bits (2^L codes); use a sampled estimator for more.");
        int count = 1 << bits;
        var values = new double[count * bits];
        for (int c = 0; c < count; c++)
            for (int i = 0; i < bits; i++) values[c * bits + i] = (c >> i) & 1;
        return tensor(values, [count, bits], dtype: dtype, device: device ?? CPU);
    }

    /// <summary>
    /// E_q[f(z)] for logits (..., L), summed over batch positions (the same reduction as every estimator's surrogate),
    /// as a differentiable scalar. <paramref name="loss"/> receives every code once, shaped (2^L, 1, ..., 1, L) so that
    /// it broadcasts over the batch axes (element-wise losses and linear decoders do; a decoder then runs 2^L times,
    /// not 2^L times per position), and returns (2^L, ...) or a shape that broadcasts to it.
    /// </summary>
    public static Tensor Expectation(Tensor logits, Func<Tensor, Tensor> loss)
    {
        BernoulliLatent.Validate(logits, 1);
        using var scope = NewDisposeScope();
        int bits = (int)logits.shape[^1];
        var codes = AllCodes(bits, logits.dtype, logits.device);                                        // (2^L, L)
        long[] viewShape = [codes.shape[0], .. Enumerable.Repeat(1L, (int)logits.dim() - 1), bits];
        var code = codes.view(viewShape);                                                                // (2^L, 1, ..., 1, L)
        var weight = BernoulliLatent.LogProbability(logits, code).exp();                                // (2^L, ...): q(c)
        var value = loss(code);
        if (!BroadcastsTo(value.shape, weight.shape))
            throw new ArgumentException(
                $"The loss must return one value per code and batch position, ({string.Join(", ", weight.shape)}), or a shape that broadcasts to it, " +
                $"for codes of shape ({string.Join(", ", code.shape)}); it returned ({string.Join(", ", value.shape)}).");
        return weight.mul(value).sum().MoveToOuterDisposeScope();
    }

    /// <summary>True when <paramref name="shape"/> has the target's rank and each axis equals the target's or is 1.</summary>
    private static bool BroadcastsTo(long[] shape, long[] target) =>
        shape.Length == target.Length && shape.Zip(target).All(p => p.First == p.Second || p.First == 1);

    /// <summary>
    /// The exact gradient d E_q[f] / d logits, same shape as <paramref name="logits"/>, computed on a detached copy
    /// (so no parameter's <c>.grad</c> is touched).
    /// </summary>
    public static Tensor Gradient(Tensor logits, Func<Tensor, Tensor> loss)
    {
        using var scope = NewDisposeScope();
        var leaf = logits.detach().clone().requires_grad_(true);
        var expectation = Expectation(leaf, loss);
        return autograd.grad([expectation], [leaf])[0].detach().MoveToOuterDisposeScope();
    }
}
