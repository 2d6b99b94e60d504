using Doc2Hash.Hashing.Neural;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Doc2Hash.Training;

/// <summary>
/// Adam that is lazy on row-sparse gradients. A parameter whose gradient arrives as a sparse COO tensor (an
/// EmbeddingBag built with <c>sparse: true</c>, see <see cref="ITrainableHasher.UseSparseRowGradients"/>) gets
/// torch.optim.SparseAdam's update: only the rows present in the gradient have their moments and weights updated,
/// every other row and its moments stay untouched, and the bias correction uses the global step (SparseAdam keeps a
/// per-parameter step that advances on every step the parameter has a gradient, i.e. every minibatch here). Every
/// parameter with a dense gradient gets standard Adam. With PyTorch's default hyper-parameters (betas 0.9 / 0.999,
/// eps 1e-8, no weight decay).
/// <para>
/// For a V x H input layer of which a minibatch touches U rows, a step costs O(U H) instead of Adam's O(V H)
/// passes over the weight and both moment buffers. It is a different optimiser (rows of rare words keep stale
/// moments between their minibatches), so results differ from Adam's: an ablation, not the authors' setting.
/// </para>
/// <para>
/// Where AVX2 and FMA exist, float32 CPU parameters take fused C# kernels with libtorch's rounding, bitwise equal to
/// the libtorch form below (<see cref="LazyRowsKernel"/> for the rows, <see cref="FusedAdamKernel"/> with the lerp
/// form of the first moment for dense parameters); <see cref="AdamOptimizer.FusedVariable"/>=off, like for Adam,
/// forces the libtorch form.
/// </para>
/// </summary>
public sealed class LazyAdam : ITrainingOptimizer
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly Parameter[] parameters;
    private readonly Tensor[] firstMoments;
    private readonly Tensor[] secondMoments;
    private readonly Tensor?[] roots;
    private readonly LazyRowsKernel rowsKernel = new();
    private readonly double learningRate;
    private readonly int threads = get_num_threads();
    private long step;

    /// <param name="fused">Fused kernels (default: on unless <see cref="AdamOptimizer.FusedVariable"/> says off); false = libtorch's kernels.</param>
    public LazyAdam(IEnumerable<Parameter> parameters, double learningRate, bool? fused = null)
    {
        Fused = fused ?? AdamOptimizer.FusedByDefault();
        if (learningRate <= 0) throw new ArgumentException($"LazyAdam's learning rate must be positive (got {learningRate}).");
        this.parameters = parameters.ToArray();
        this.learningRate = learningRate;
        firstMoments = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        secondMoments = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        roots = new Tensor?[this.parameters.Length];
    }

    /// <summary>Whether the fused kernels run (where the machine and the tensors allow).</summary>
    public bool Fused { get; }

    /// <summary>Steps taken so far (the t of Adam's bias correction).</summary>
    public long StepCount => step;

    public void Step()
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        step++;
        double correction1 = 1 - Math.Pow(Beta1, step);
        double correction2 = 1 - Math.Pow(Beta2, step);
        for (int i = 0; i < parameters.Length; i++)
        {
            var gradient = parameters[i].grad;
            if (gradient is null) continue;
            if (gradient.is_sparse)
            {
                if (Fused && LazyRowsKernel.Supports(parameters[i], firstMoments[i], secondMoments[i], gradient))
                    rowsKernel.Step(parameters[i], firstMoments[i], secondMoments[i], gradient, (float)(1 - Beta1), (float)(1 - Beta2),
                        (float)Epsilon, (float)(-learningRate * Math.Sqrt(correction2) / correction1), threads);
                else UpdateRows(parameters[i], firstMoments[i], secondMoments[i], gradient, correction1, correction2);
            }
            else if (Fused && FusedAdamKernel.Supports(parameters[i], gradient, firstMoments[i], secondMoments[i]))
            {
                var constants = FusedAdamKernel.Constants.For(Beta1, Beta2, Epsilon, Math.Sqrt(correction2), -learningRate / correction1, lerpMean: true);
                roots[i] ??= empty_like(parameters[i]).DetachFromDisposeScope();
                FusedAdamKernel.Step(parameters[i], gradient, firstMoments[i], secondMoments[i], roots[i]!, constants, threads);
            }
            else UpdateDense(parameters[i], firstMoments[i], secondMoments[i], gradient, correction1, correction2);
        }
    }

    /// <summary>torch.optim.Adam's update (its single-tensor form): m/(1 - b1^t) / (sqrt(v/(1 - b2^t)) + eps).</summary>
    private void UpdateDense(Parameter weight, Tensor m, Tensor v, Tensor gradient, double correction1, double correction2)
    {
        // Every Scalar explicit and alive across the native calls (environment.md, "Scalars").
        using var beta2 = Beta2.ToScalar();
        using var oneMinusBeta2 = (1 - Beta2).ToScalar();
        using var sqrtCorrection2 = Math.Sqrt(correction2).ToScalar();
        using var epsilon = Epsilon.ToScalar();
        using var stepSize = (-learningRate / correction1).ToScalar();
        m.lerp_(gradient, Scalar(1 - Beta1, m));
        v.mul_(beta2).addcmul_(gradient, gradient, value: oneMinusBeta2);
        var denominator = v.sqrt().div_(sqrtCorrection2).add_(epsilon);
        weight.addcdiv_(m, denominator, value: stepSize);
    }

    /// <summary>
    /// torch.optim.SparseAdam's update of the gradient's rows: the gradient's duplicate row ids (one per occurrence
    /// of a word in the minibatch) are summed first (coalesced), then on those rows only
    /// m += (1 - b1)(g - m), v += (1 - b2)(g^2 - v), w -= lr sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps).
    /// In-place on row copies to keep the passes over the U x H rows few: this is the step's hot loop.
    /// </summary>
    private void UpdateRows(Parameter weight, Tensor m, Tensor v, Tensor gradient, double correction1, double correction2)
    {
        var ids = gradient.SparseIndices[0];                                              // (nnz)
        var (rows, inverse, _) = ids.unique(sorted: true, return_inverse: true);          // (U), (nnz)
        using var one = 1.0.ToScalar();
        using var epsilon = Epsilon.ToScalar();
        using var stepSize = (-learningRate * Math.Sqrt(correction2) / correction1).ToScalar();
        var rowGradient = zeros([rows.shape[0], weight.shape[1]], dtype: weight.dtype, device: weight.device)
            .index_add_(0, inverse!, gradient.SparseValues, one);                         // (U, H)
        var mRows = m.index_select(0, rows).lerp_(rowGradient, Scalar(1 - Beta1, m));
        var vRows = v.index_select(0, rows).lerp_(rowGradient.mul_(rowGradient), Scalar(1 - Beta2, v));
        m.index_copy_(0, rows, mRows);
        v.index_copy_(0, rows, vRows);
        weight.index_add_(0, rows, mRows.div_(vRows.sqrt_().add_(epsilon)), stepSize);
    }

    /// <summary>A 0-dimensional tensor (lerp_ takes its weight as a tensor in TorchSharp).</summary>
    private static Tensor Scalar(double value, Tensor like) => tensor(value, dtype: like.dtype, device: like.device);

    /// <summary>Step count, then every parameter's two moment tensors (TorchSharp's tensor format).</summary>
    public void Save(BinaryWriter writer)
    {
        writer.Write(step);
        foreach (var moment in firstMoments.Concat(secondMoments)) moment.Save(writer);
    }

    public void Load(BinaryReader reader)
    {
        step = reader.ReadInt64();
        using var _ = no_grad();
        foreach (var moment in firstMoments.Concat(secondMoments)) moment.Load(reader);
    }

    public void Dispose()
    {
        foreach (var moment in firstMoments.Concat(secondMoments)) moment.Dispose();
        foreach (var root in roots) root?.Dispose();
        rowsKernel.Dispose();
    }
}
