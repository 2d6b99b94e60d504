using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Training;

/// <summary>
/// Adam's update of one float32 CPU parameter in two passes over memory instead of libtorch's six element-wise
/// kernels, with the same rounding at every step, so the weights and moments are bitwise equal to TorchSharp's Adam
/// (AdamOptimizerTests). libtorch's kernels, as probed on its CPU build: <c>mul_(b1).add_(g, 1-b1)</c> is
/// m' = fma(g, 1-b1, m*b1); <c>mul_(b2).addcmul_(g, g, 1-b2)</c> is v' = fma((1-b2)*g, g, v*b2); the denominator is
/// sqrt(v')/c2 + eps with a true division; <c>addcdiv_(m', d, s)</c> is w + (s*m')/d. The square root stays libtorch's
/// (its vectorised float sqrt differs from the correctly rounded one in the last bit for about a sixth of the values).
/// Pass 1 updates both moments, libtorch takes the root into a reused buffer, pass 2 updates the weights.
/// Used only where AVX2 and FMA are available; elsewhere the kit's unfused Adam runs (same results).
/// </summary>
internal static class FusedAdamKernel
{
    /// <summary>Elements below which one thread does the whole pass (the hand-off costs more than it saves).</summary>
    private const int ParallelThreshold = 1 << 18;

    /// <summary>The step's constants, rounded to float once, as libtorch rounds its scalars for a float tensor.</summary>
    public readonly record struct Constants(float Beta1, float Rate1, float Beta2, float Rate2, float SqrtCorrection2, float Epsilon, float StepSize)
    {
        public static Constants For(double beta1, double beta2, double epsilon, double sqrtCorrection2, double stepSize) =>
            new((float)beta1, (float)(1 - beta1), (float)beta2, (float)(1 - beta2), (float)sqrtCorrection2, (float)epsilon, (float)stepSize);
    }

    /// <summary>Whether this machine and these tensors (CPU, float32, dense, contiguous, same size) can take the fused path.</summary>
    public static bool Supports(params Tensor[] tensors)
    {
        if (!Avx2.IsSupported || !Fma.IsSupported) return false;
        long count = tensors[0].numel();
        foreach (var tensor in tensors)
            if (tensor.device_type != DeviceType.CPU || tensor.dtype != ScalarType.Float32 || tensor.is_sparse
                || !tensor.is_contiguous() || tensor.numel() != count)
                return false;
        return true;
    }

    /// <summary>One Adam step of weights w with gradient g, moments m and v (updated in place); root is a w-sized scratch buffer.</summary>
    public static unsafe void Step(Tensor weights, Tensor gradient, Tensor mean, Tensor variance, Tensor root, Constants constants, int threads)
    {
        long count = weights.numel();
        if (threads <= 1 && count > Block)
        {
            StepInBlocks(weights, gradient, mean, variance, root, constants);
            return;
        }
        fixed (byte* g = gradient.bytes, m = mean.bytes, v = variance.bytes)
        {
            float* gp = (float*)g, mp = (float*)m, vp = (float*)v;
            ForChunks(count, threads, (start, end) => UpdateMoments(gp, mp, vp, start, end, constants));
        }
        root.copy_(variance).sqrt_();
        fixed (byte* w = weights.bytes, m = mean.bytes, r = root.bytes)
        {
            float* wp = (float*)w, mp = (float*)m, rp = (float*)r;
            ForChunks(count, threads, (start, end) => UpdateWeights(wp, mp, rp, start, end, constants));
        }
    }

    /// <summary>
    /// Elements per block of the single-threaded path: the block's five arrays (w, g, m, v, root; 1.25 MB) stay in
    /// this kind of machine's caches between the passes, so memory sees each array about once per step instead of
    /// once per pass.
    /// </summary>
    private const int Block = 1 << 16;

    /// <summary>
    /// The same three steps block by block (moments, libtorch's sqrt of the block, weights), so the root and the
    /// moments are read back from cache. Every element gets exactly the operations of the two-pass path.
    /// </summary>
    private static unsafe void StepInBlocks(Tensor weights, Tensor gradient, Tensor mean, Tensor variance, Tensor root, Constants constants)
    {
        long count = weights.numel();
        using var flatVariance = variance.view(-1);
        using var flatRoot = root.view(-1);
        fixed (byte* w = weights.bytes, g = gradient.bytes, m = mean.bytes, v = variance.bytes, r = root.bytes)
        {
            float* wp = (float*)w, gp = (float*)g, mp = (float*)m, vp = (float*)v, rp = (float*)r;
            for (long start = 0; start < count; start += Block)
            {
                long end = Math.Min(count, start + Block);
                UpdateMoments(gp, mp, vp, start, end, constants);
                using (var rootBlock = flatRoot.narrow(0, start, end - start))
                using (var varianceBlock = flatVariance.narrow(0, start, end - start))
                    rootBlock.copy_(varianceBlock).sqrt_();
                UpdateWeights(wp, mp, rp, start, end, constants);
            }
        }
    }

    private static void ForChunks(long count, int threads, Action<long, long> body)
    {
        if (threads <= 1 || count < ParallelThreshold)
        {
            body(0, count);
            return;
        }
        // Chunk boundaries on multiples of 8 floats, so every chunk but the last is whole vectors.
        long chunk = (count / threads + 7) & ~7L;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            long start = i * chunk, end = Math.Min(count, start + chunk);
            if (start < end) body(start, end);
        });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void UpdateMoments(float* g, float* m, float* v, long start, long end, Constants c)
    {
        var beta1 = Vector256.Create(c.Beta1);
        var rate1 = Vector256.Create(c.Rate1);
        var beta2 = Vector256.Create(c.Beta2);
        var rate2 = Vector256.Create(c.Rate2);
        long i = start;
        for (; i + 8 <= end; i += 8)
        {
            var gi = Avx.LoadVector256(g + i);
            Avx.Store(m + i, Fma.MultiplyAdd(gi, rate1, Avx.Multiply(Avx.LoadVector256(m + i), beta1)));
            Avx.Store(v + i, Fma.MultiplyAdd(Avx.Multiply(rate2, gi), gi, Avx.Multiply(Avx.LoadVector256(v + i), beta2)));
        }
        for (; i < end; i++)
        {
            m[i] = MathF.FusedMultiplyAdd(g[i], c.Rate1, m[i] * c.Beta1);
            v[i] = MathF.FusedMultiplyAdd(c.Rate2 * g[i], g[i], v[i] * c.Beta2);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void UpdateWeights(float* w, float* m, float* r, long start, long end, Constants c)
    {
        var correction = Vector256.Create(c.SqrtCorrection2);
        var epsilon = Vector256.Create(c.Epsilon);
        var stepSize = Vector256.Create(c.StepSize);
        long i = start;
        for (; i + 8 <= end; i += 8)
        {
            var denominator = Avx.Add(Avx.Divide(Avx.LoadVector256(r + i), correction), epsilon);
            var update = Avx.Divide(Avx.Multiply(stepSize, Avx.LoadVector256(m + i)), denominator);
            Avx.Store(w + i, Avx.Add(Avx.LoadVector256(w + i), update));
        }
        for (; i < end; i++)
            w[i] += c.StepSize * m[i] / (r[i] / c.SqrtCorrection2 + c.Epsilon);
    }
}
