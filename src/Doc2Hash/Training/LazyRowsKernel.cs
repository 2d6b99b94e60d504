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
/// matter; they go in blocks of fewer than 32,768 elements (moments, libtorch's sqrt of the block, weights) so the
/// block's moments and root are read back from cache, and with several threads each thread takes its own range of rows.
/// </summary>
internal sealed class LazyRowsKernel : IDisposable
{
    /// <summary>
    /// Root elements per block: below libtorch's parallel grain (32,768), so its sqrt runs on the calling thread and the
    /// worker threads never start an OpenMP pool of their own (see <see cref="FusedAdamKernel.Step"/>).
    /// </summary>
    private const int BlockElements = (1 << 15) - 1;

    private float[] sums = [];                 // the step's coalesced row gradients, (U, H) row-major
    private Tensor root = empty(0);            // root buffer handed to libtorch's sqrt, one block long
    private int[] slot = [];                   // row id -> position among the step's rows, -1 when absent
    private int[] rows = [];                   // the step's distinct row ids, in order of first occurrence
    private int[] slots = [];                  // gradient entry k -> position of its row among the step's rows

    /// <summary>Summed-row elements below which one thread does the whole step.</summary>
    private const int ParallelThreshold = 1 << 16;

    /// <summary>Whether the rows of this parameter and gradient can take the kernel (AVX2 + FMA; CPU float32; 2-D dense contiguous parameter and moments).</summary>
    public static bool Supports(Tensor weight, Tensor mean, Tensor variance, Tensor gradient) =>
        weight.dim() == 2 && FusedAdamKernel.Supports(weight, mean, variance)
        && gradient.is_sparse && gradient.dtype == ScalarType.Float32 && gradient.device_type == DeviceType.CPU
        && gradient.dim() == 2 && gradient.shape[1] == weight.shape[1];

    /// <summary>
    /// One step on the rows of <paramref name="gradient"/> (sparse COO, possibly with duplicate rows). With
    /// <paramref name="threads"/> &gt; 1 and enough rows, each thread takes a contiguous range of the step's distinct rows
    /// for both the summing and the update (each row's duplicates are still summed in arrival order, by the thread that
    /// owns the row), so the result does not depend on the thread count.
    /// </summary>
    public unsafe void Step(Tensor weight, Tensor mean, Tensor variance, Tensor gradient, float rate1, float rate2, float epsilon, float stepSize, int threads = 1)
    {
        int rowCount = checked((int)weight.shape[0]), width = checked((int)weight.shape[1]);
        using var indices = gradient.SparseIndices;        // (1, nnz)
        using var rawValues = gradient.SparseValues;
        using var values = rawValues.contiguous();         // (nnz, H)
        using var ids = indices.contiguous();
        int nonZeros = checked((int)ids.shape[1]);
        if (slot.Length < rowCount) slot = Enumerable.Repeat(-1, rowCount).ToArray();
        if (rows.Length < nonZeros) rows = new int[nonZeros];
        if (slots.Length < nonZeros) slots = new int[nonZeros];
        int distinct = 0;
        fixed (byte* idBytes = ids.bytes)
        {
            long* id = (long*)idBytes;
            for (int k = 0; k < nonZeros; k++)
            {
                long row = id[k];
                if ((ulong)row >= (ulong)rowCount)
                {
                    foreach (int seen in rows.AsSpan(0, distinct)) slot[seen] = -1;
                    throw new ArgumentException($"Sparse gradient row {row} is outside the parameter's {rowCount} rows.");
                }
                if (slot[row] < 0) { slot[row] = distinct; rows[distinct++] = (int)row; }
                slots[k] = slot[row];
            }
        }
        foreach (int row in rows.AsSpan(0, distinct)) slot[row] = -1;
        if (distinct == 0) return;

        long sumLength = (long)distinct * width;
        if (sums.Length < sumLength) sums = new float[sumLength];
        int rowsPerBlock = Math.Max(1, BlockElements / width);
        int parts = threads <= 1 || sumLength < ParallelThreshold ? 1 : Math.Min(threads, distinct);
        long blockLength = (long)Math.Min(rowsPerBlock, distinct) * width;
        if (root.numel() < blockLength * parts)
        {
            root.Dispose();
            root = empty(blockLength * parts, dtype: ScalarType.Float32).DetachFromDisposeScope();
        }
        fixed (byte* w = weight.bytes, m = mean.bytes, v = variance.bytes, r = root.bytes, valueBytes = values.bytes)
        fixed (float* sum = sums)
        fixed (int* slotOf = slots, rowOf = rows)
        {
            float* wp = (float*)w, mp = (float*)m, vp = (float*)v, rp = (float*)r, value = (float*)valueBytes, sp = sum;
            int* slotp = slotOf, rowp = rowOf;
            var parameters = new RangeParameters(wp, mp, vp, rp, sp, value, slotp, rowp, nonZeros, width, rowsPerBlock, rate1, rate2, epsilon, stepSize);
            if (parts == 1) UpdateRange(parameters, 0, distinct, 0, root);
            else
            {
                var rootTensor = root;
                int share = (distinct + parts - 1) / parts;
                Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
                {
                    int first = part * share, last = Math.Min(distinct, first + share);
                    if (first < last) UpdateRange(parameters, first, last, part * blockLength, rootTensor);
                });
            }
        }
    }

    /// <summary>Pointers and constants of one step, shared by the threads.</summary>
    private readonly unsafe struct RangeParameters(float* weights, float* means, float* variances, float* root, float* sums, float* values,
        int* slots, int* rows, int nonZeros, int width, int rowsPerBlock, float rate1, float rate2, float epsilon, float stepSize)
    {
        public readonly float* Weights = weights, Means = means, Variances = variances, Root = root, Sums = sums, Values = values;
        public readonly int* Slots = slots, Rows = rows;
        public readonly int NonZeros = nonZeros, Width = width, RowsPerBlock = rowsPerBlock;
        public readonly float Rate1 = rate1, Rate2 = rate2, Epsilon = epsilon, StepSize = stepSize;
    }

    /// <summary>
    /// Rows [first, last) of the step's distinct rows: their summed gradients (duplicates added in arrival order), then
    /// block by block their moments, libtorch's sqrt of the block's root (at <paramref name="rootOffset"/> in the root
    /// buffer, one block per thread) and their weights.
    /// </summary>
    private static unsafe void UpdateRange(RangeParameters p, int first, int last, long rootOffset, Tensor rootTensor)
    {
        int width = p.Width;
        new Span<float>(p.Sums + (long)first * width, checked((last - first) * width)).Clear();
        for (int k = 0; k < p.NonZeros; k++)
        {
            int u = p.Slots[k];
            if (u >= first && u < last) AddRow(p.Sums + (long)u * width, p.Values + (long)k * width, width);
        }
        float* root = p.Root + rootOffset;
        for (int start = first; start < last; start += p.RowsPerBlock)
        {
            int end = Math.Min(last, start + p.RowsPerBlock);
            for (int u = start; u < end; u++)
            {
                long offset = (long)p.Rows[u] * width;
                UpdateMoments(p.Sums + (long)u * width, p.Means + offset, p.Variances + offset, root + (long)(u - start) * width, width, p.Rate1, p.Rate2);
            }
            using (var block = rootTensor.narrow(0, rootOffset, (long)(end - start) * width))
                block.sqrt_();
            for (int u = start; u < end; u++)
            {
                long offset = (long)p.Rows[u] * width;
                UpdateWeights(p.Weights + offset, p.Means + offset, p.Variances + offset, root + (long)(u - start) * width, width, p.Epsilon, p.StepSize);
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
