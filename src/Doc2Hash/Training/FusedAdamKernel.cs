using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Training;

/// <summary>
/// Adam's update of one float32 CPU parameter in one pass over memory, block by block, instead of libtorch's six
/// element-wise kernels, with the same rounding at every step, so the weights and moments are bitwise equal to TorchSharp's Adam
/// (AdamOptimizerTests). libtorch's kernels, as probed on its CPU build: <c>mul_(b1).add_(g, 1-b1)</c> is
/// m' = fma(g, 1-b1, m*b1); <c>mul_(b2).addcmul_(g, g, 1-b2)</c> is v' = fma((1-b2)*g, g, v*b2); the denominator is
/// sqrt(v')/c2 + eps with a true division; <c>addcdiv_(m', d, s)</c> is w + (s*m')/d. The square root stays libtorch's
/// (its vectorised float sqrt differs from the correctly rounded one in the last bit for about a sixth of the values).
/// Per block, pass 1 updates both moments and writes v' into a reused root buffer, libtorch takes the root in place,
/// pass 2 updates the weights. libtorch's float sqrt is up to 8 times slower on a block holding zeros (0.44 ns per element
/// without zeros, 3.5 ns with half of them zero; issue 10's warm-up penalty: a sparse-input model's v' is mostly zeros
/// in the first epoch, rows of words not yet seen): pass 1 writes 1 in place of each +0 and pass 2 takes 0 as the root
/// wherever v' is +0, which is sqrt(+0) exactly. Its lanes are independent (a value's root is the same bits with or
/// without zeros beside it, checked in AdamOptimizerTests), so the results stay bitwise equal.
/// Used only where AVX2 and FMA are available; elsewhere the kit's unfused Adam runs (same results).
/// </summary>
internal static class FusedAdamKernel
{
    /// <summary>Elements below which one thread does the whole pass (the hand-off costs more than it saves).</summary>
    private const int ParallelThreshold = 1 << 18;

    /// <summary>
    /// The step's constants, rounded to float once, as libtorch rounds its scalars for a float tensor. With
    /// <paramref name="LerpMean"/> the first moment is <c>m.lerp_(g, 1-b1)</c>, m' = fma(1-b1, g - m, m) (libtorch's
    /// vectorised lerp for a weight below 1/2; LazyAdam's dense update), otherwise Adam's m' = fma(g, 1-b1, m*b1).
    /// </summary>
    public readonly record struct Constants(float Beta1, float Rate1, float Beta2, float Rate2, float SqrtCorrection2, float Epsilon, float StepSize, bool LerpMean = false)
    {
        public static Constants For(double beta1, double beta2, double epsilon, double sqrtCorrection2, double stepSize, bool lerpMean = false) =>
            new((float)beta1, (float)(1 - beta1), (float)beta2, (float)(1 - beta2), (float)sqrtCorrection2, (float)epsilon, (float)stepSize, lerpMean);
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

    /// <summary>
    /// One Adam step of weights w with gradient g, moments m and v (updated in place); root is a w-sized scratch buffer.
    /// The walk goes block by block: moments, libtorch's sqrt of the block's root, weights, so the root and the moments
    /// are read back from cache. With several threads it goes in rounds of one block per thread: the threads update the
    /// moments of their blocks, this thread alone hands the round's root to libtorch (which splits it over its own
    /// OpenMP pool), the threads update the weights. Calling libtorch from the worker threads instead made OpenMP start
    /// a second pool for them that competed for the two cores with the first (2 threads, idle machine: Adam step 18.6-19.1
    /// ms with one chunk per thread vs 16.8-16.9 ms in rounds, backward 6.2-6.4 vs 5.3 ms; environment.md, sixth pass).
    /// </summary>
    public static unsafe void Step(Tensor weights, Tensor gradient, Tensor mean, Tensor variance, Tensor root, Constants constants, int threads)
    {
        long count = weights.numel();
        using var flatRoot = root.view(-1);
        bool parallel = threads > 1 && count >= ParallelThreshold;
        long span = parallel ? (long)Block * threads : Block;
        fixed (byte* w = weights.bytes, g = gradient.bytes, m = mean.bytes, v = variance.bytes, r = root.bytes)
        {
            float* wp = (float*)w, gp = (float*)g, mp = (float*)m, vp = (float*)v, rp = (float*)r;
            for (long start = 0; start < count; start += span)
            {
                long end = Math.Min(count, start + span);
                if (parallel) ForChunks(start, end, threads, (from, to) => UpdateMoments(gp, mp, vp, rp, from, to, constants));
                else UpdateMoments(gp, mp, vp, rp, start, end, constants);
                using (var rootBlock = flatRoot.narrow(0, start, end - start))
                    rootBlock.sqrt_();
                if (parallel) ForChunks(start, end, threads, (from, to) => UpdateWeights(wp, mp, vp, rp, from, to, constants));
                else UpdateWeights(wp, mp, vp, rp, start, end, constants);
            }
        }
    }

    /// <summary>
    /// Elements per block: the block's five arrays (w, g, m, v, root; 2.5 MB) stay in this kind of machine's L2 and L3
    /// caches between the passes, so memory sees each array about once per step instead of once per pass. Measured on
    /// the idle 2-core machine (environment.md, "Fused Adam"): smaller blocks cost more in per-call overhead of
    /// libtorch's sqrt than they gain in cache (optimizer phase at 2 threads 18.2 / 12.1 / 9.5 / 7.5 / 6.4 / 6.7 ms for
    /// blocks of 8K / 16K / 32K / 64K / 128K / 256K elements; at 1 thread 7.8 / 7.2 / 7.1 ms for 32K / 64K / 128K).
    /// </summary>
    private const int Block = 1 << 17;

    // [first, last) in one chunk per thread, boundaries on multiples of 8 floats from first, so every chunk but the
    // last is whole vectors.
    private static void ForChunks(long first, long last, int threads, Action<long, long> body)
    {
        long chunk = ((last - first) / threads + 7) & ~7L;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            long start = first + i * chunk, end = Math.Min(last, start + chunk);
            if (start < end) body(start, end);
        });
    }

    /// <summary>m' and v' of elements [start, end); the root buffer gets v', with 1 in place of +0 (see the class summary).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void UpdateMoments(float* g, float* m, float* v, float* r, long start, long end, Constants c)
    {
        var beta1 = Vector256.Create(c.Beta1);
        var rate1 = Vector256.Create(c.Rate1);
        var beta2 = Vector256.Create(c.Beta2);
        var rate2 = Vector256.Create(c.Rate2);
        var one = Vector256.Create(1f);
        long i = start;
        bool lerp = c.LerpMean;
        for (; i + 8 <= end; i += 8)
        {
            var gi = Avx.LoadVector256(g + i);
            var mi = Avx.LoadVector256(m + i);
            Avx.Store(m + i, lerp ? Fma.MultiplyAdd(rate1, Avx.Subtract(gi, mi), mi) : Fma.MultiplyAdd(gi, rate1, Avx.Multiply(mi, beta1)));
            var vi = Fma.MultiplyAdd(Avx.Multiply(rate2, gi), gi, Avx.Multiply(Avx.LoadVector256(v + i), beta2));
            Avx.Store(v + i, vi);
            Avx.Store(r + i, Avx.BlendVariable(vi, one, PositiveZero(vi)));
        }
        for (; i < end; i++)
        {
            m[i] = lerp ? MathF.FusedMultiplyAdd(c.Rate1, g[i] - m[i], m[i]) : MathF.FusedMultiplyAdd(g[i], c.Rate1, m[i] * c.Beta1);
            v[i] = MathF.FusedMultiplyAdd(c.Rate2 * g[i], g[i], v[i] * c.Beta2);
            r[i] = IsPositiveZero(v[i]) ? 1f : v[i];
        }
    }

    /// <summary>w' of elements [start, end) from m', v' and the root buffer (sqrt(+0) = 0 restored where v' is +0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void UpdateWeights(float* w, float* m, float* v, float* r, long start, long end, Constants c)
    {
        var correction = Vector256.Create(c.SqrtCorrection2);
        var epsilon = Vector256.Create(c.Epsilon);
        var stepSize = Vector256.Create(c.StepSize);
        long i = start;
        for (; i + 8 <= end; i += 8)
        {
            var root = Avx.BlendVariable(Avx.LoadVector256(r + i), Vector256<float>.Zero, PositiveZero(Avx.LoadVector256(v + i)));
            var denominator = Avx.Add(Avx.Divide(root, correction), epsilon);
            var update = Avx.Divide(Avx.Multiply(stepSize, Avx.LoadVector256(m + i)), denominator);
            Avx.Store(w + i, Avx.Add(Avx.LoadVector256(w + i), update));
        }
        for (; i < end; i++)
        {
            float root = IsPositiveZero(v[i]) ? 0f : r[i];
            w[i] += c.StepSize * m[i] / (root / c.SqrtCorrection2 + c.Epsilon);
        }
    }

    /// <summary>All ones in the lanes holding +0 (bit pattern 0; -0 and everything else go to libtorch as they are).</summary>
    internal static Vector256<float> PositiveZero(Vector256<float> values) =>
        Avx2.CompareEqual(values.AsInt32(), Vector256<int>.Zero).AsSingle();

    internal static bool IsPositiveZero(float value) => BitConverter.SingleToInt32Bits(value) == 0;
}
