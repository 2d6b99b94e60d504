using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Training;

/// <summary>
/// LazyAdam's update of the rows a sparse gradient touches (torch.optim.SparseAdam's update), for a V x H float32
/// CPU parameter, in C# instead of libtorch's eleven kernels (unique, index_add_, two index_select, two lerp_, mul_,
/// two index_copy_, sqrt_, add_, div_, index_add_), each a pass over the U x H touched rows and most allocating one.
/// The arithmetic per element is libtorch's, so the weights and moments are bitwise equal to <see cref="LazyAdam"/>'s
/// libtorch form (LazyAdamTests): the duplicate row gradients are summed in the order they come (index_add_ into
/// zeros), m' = fma(1-b1, g - m, m) and v' = fma(1-b2, g*g - v, v) (lerp_ with a weight below 1/2), the root is
/// libtorch's sqrt (with the zero substitution of <see cref="FusedAdamKernel"/>), q = m' / (root + eps), and
/// w' = fma(q, s, w) (index_add_ with alpha s). Rows are independent, so the order rows are visited in does not
/// matter; they go in blocks of at most 32,768 elements (moments, libtorch's sqrt of the block, weights) so the
/// block's moments and root are read back from cache.
/// </summary>
internal sealed class LazyRowsKernel : IDisposable
{
    private const int BlockElements = 1 << 15;

    private float[] sums = [];                 // the step's coalesced row gradients, (U, H) row-major
    private Tensor root = empty(0);            // root buffer handed to libtorch's sqrt, one block long
    private int[] slot = [];                   // row id -> position among the step's rows, -1 when absent
    private int[] rows = [];                   // the step's distinct row ids, in order of first occurrence

    /// <summary>Whether the rows of this parameter and gradient can take the kernel (AVX2 + FMA; CPU float32; 2-D dense contiguous parameter and moments).</summary>
    public static bool Supports(Tensor weight, Tensor mean, Tensor variance, Tensor gradient) =>
        weight.dim() == 2 && FusedAdamKernel.Supports(weight, mean, variance)
        && gradient.is_sparse && gradient.dtype == ScalarType.Float32 && gradient.device_type == DeviceType.CPU
        && gradient.dim() == 2 && gradient.shape[1] == weight.shape[1];

    /// <summary>One step on the rows of <paramref name="gradient"/> (sparse COO, possibly with duplicate rows).</summary>
    public unsafe void Step(Tensor weight, Tensor mean, Tensor variance, Tensor gradient, float rate1, float rate2, float epsilon, float stepSize)
    {
        int rowCount = checked((int)weight.shape[0]), width = checked((int)weight.shape[1]);
        using var indices = gradient.SparseIndices;        // (1, nnz)
        using var rawValues = gradient.SparseValues;
        using var values = rawValues.contiguous();         // (nnz, H)
        using var ids = indices.contiguous();
        int nonZeros = checked((int)ids.shape[1]);
        if (slot.Length < rowCount) slot = Enumerable.Repeat(-1, rowCount).ToArray();
        int distinct = 0;
        fixed (byte* idBytes = ids.bytes, valueBytes = values.bytes)
        {
            long* id = (long*)idBytes;
            float* value = (float*)valueBytes;
            if (rows.Length < nonZeros) rows = new int[nonZeros];
            for (int k = 0; k < nonZeros; k++)
            {
                long row = id[k];
                if ((ulong)row >= (ulong)rowCount)
                    throw new ArgumentException($"Sparse gradient row {row} is outside the parameter's {rowCount} rows.");
                if (slot[row] < 0) { slot[row] = distinct; rows[distinct++] = (int)row; }
            }
            long sumLength = (long)distinct * width;
            if (sums.Length < sumLength) sums = new float[sumLength];
            Array.Clear(sums, 0, (int)sumLength);
            fixed (float* sum = sums)
                for (int k = 0; k < nonZeros; k++)
                    AddRow(sum + (long)slot[id[k]] * width, value + (long)k * width, width);
        }
        foreach (int row in rows.AsSpan(0, distinct)) slot[row] = -1;

        int rowsPerBlock = Math.Max(1, BlockElements / width);
        long blockLength = (long)Math.Min(rowsPerBlock, distinct) * width;
        if (root.numel() < blockLength)
        {
            root.Dispose();
            root = empty(blockLength, dtype: ScalarType.Float32).DetachFromDisposeScope();
        }
        fixed (byte* w = weight.bytes, m = mean.bytes, v = variance.bytes, r = root.bytes)
        fixed (float* sum = sums)
        {
            float* wp = (float*)w, mp = (float*)m, vp = (float*)v, rp = (float*)r;
            for (int first = 0; first < distinct; first += rowsPerBlock)
            {
                int last = Math.Min(distinct, first + rowsPerBlock);
                for (int u = first; u < last; u++)
                {
                    long offset = (long)rows[u] * width;
                    UpdateMoments(sum + (long)u * width, mp + offset, vp + offset, rp + (long)(u - first) * width, width, rate1, rate2);
                }
                using (var block = root.narrow(0, 0, (long)(last - first) * width))
                    block.sqrt_();
                for (int u = first; u < last; u++)
                {
                    long offset = (long)rows[u] * width;
                    UpdateWeights(wp + offset, mp + offset, vp + offset, rp + (long)(u - first) * width, width, epsilon, stepSize);
                }
            }
        }
    }

    /// <summary>sum += value, element by element (index_add_ with alpha 1 adds exactly this way).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void AddRow(float* sum, float* value, int width)
    {
        int i = 0;
        for (; i + 8 <= width; i += 8)
            Avx.Store(sum + i, Avx.Add(Avx.LoadVector256(sum + i), Avx.LoadVector256(value + i)));
        for (; i < width; i++) sum[i] += value[i];
    }

    /// <summary>One row's m' and v' (in place) and its root buffer (v', with 1 in place of +0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void UpdateMoments(float* g, float* m, float* v, float* r, int width, float rate1, float rate2)
    {
        var weight1 = Vector256.Create(rate1);
        var weight2 = Vector256.Create(rate2);
        var one = Vector256.Create(1f);
        int i = 0;
        for (; i + 8 <= width; i += 8)
        {
            var gi = Avx.LoadVector256(g + i);
            var mi = Avx.LoadVector256(m + i);
            var vi = Avx.LoadVector256(v + i);
            Avx.Store(m + i, Fma.MultiplyAdd(weight1, Avx.Subtract(gi, mi), mi));
            var vNew = Fma.MultiplyAdd(weight2, Avx.Subtract(Avx.Multiply(gi, gi), vi), vi);
            Avx.Store(v + i, vNew);
            Avx.Store(r + i, Avx.BlendVariable(vNew, one, FusedAdamKernel.PositiveZero(vNew)));
        }
        for (; i < width; i++)
        {
            m[i] = MathF.FusedMultiplyAdd(rate1, g[i] - m[i], m[i]);
            v[i] = MathF.FusedMultiplyAdd(rate2, g[i] * g[i] - v[i], v[i]);
            r[i] = FusedAdamKernel.IsPositiveZero(v[i]) ? 1f : v[i];
        }
    }

    /// <summary>One row's weights: w' = fma(m' / (root + eps), s, w), the root 0 where v' is +0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void UpdateWeights(float* w, float* m, float* v, float* r, int width, float epsilon, float stepSize)
    {
        var eps = Vector256.Create(epsilon);
        var step = Vector256.Create(stepSize);
        int i = 0;
        for (; i + 8 <= width; i += 8)
        {
            var rootValue = Avx.BlendVariable(Avx.LoadVector256(r + i), Vector256<float>.Zero, FusedAdamKernel.PositiveZero(Avx.LoadVector256(v + i)));
            var quotient = Avx.Divide(Avx.LoadVector256(m + i), Avx.Add(rootValue, eps));
            Avx.Store(w + i, Fma.MultiplyAdd(quotient, step, Avx.LoadVector256(w + i)));
        }
        for (; i < width; i++)
        {
            float rootValue = FusedAdamKernel.IsPositiveZero(v[i]) ? 0f : r[i];
            w[i] = MathF.FusedMultiplyAdd(m[i] / (rootValue + epsilon), stepSize, w[i]);
        }
    }

    public void Dispose() => root.Dispose();
}
