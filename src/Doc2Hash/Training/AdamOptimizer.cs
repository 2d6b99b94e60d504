using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Doc2Hash.Training;

/// <summary>
/// TorchSharp's <c>optim.Adam</c> with PyTorch's defaults (betas 0.9 / 0.999, eps 1e-8, no weight decay) on every
/// parameter; its state is written in TorchSharp's optimizer format, as checkpoints always stored it. The update runs
/// fused (<see cref="FusedAdamKernel"/>, bitwise equal) where the machine and the tensors allow it, unless
/// <paramref name="fused"/> or the environment variable <see cref="FusedVariable"/> says off.
/// </summary>
public sealed class AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate, bool? fused = null) : ITrainingOptimizer
{
    /// <summary>Environment variable that turns the fused update off (<c>off</c>) or on (<c>on</c>, the default).</summary>
    public const string FusedVariable = "DOC2HASH_FUSED_ADAM";

    private readonly Adam adam = new(parameters, learningRate) { Fused = fused ?? FusedByDefault() };

    /// <summary>Whether the update is fused where the tensors allow it.</summary>
    public bool Fused => adam.Fused;

    /// <summary>The default from <see cref="FusedVariable"/>: on unless it says off.</summary>
    public static bool FusedByDefault() => ParseFused(Environment.GetEnvironmentVariable(FusedVariable));

    /// <summary>Reads the value of <see cref="FusedVariable"/>: unset or empty, on, 1, true = fused; off, 0, false = not.</summary>
    public static bool ParseFused(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "on" or "1" or "true" => true,
        "off" or "0" or "false" => false,
        _ => throw new ArgumentException($"{FusedVariable}='{value}' is not understood: use on or off (unset means on)."),
    };

    public void Step() => adam.step();
    public void Save(BinaryWriter writer) => adam.save_state_dict(writer);
    public void Load(BinaryReader reader) => adam.load_state_dict(reader);
    public void Dispose() => adam.Dispose();

    /// <summary>
    /// TorchSharp's Adam with the same state, checkpoint format and arithmetic, in the same order of operations, so
    /// the updates are bitwise equal (AdamOptimizerTests): m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
    /// w -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps). What differs is memory (issue 10): TorchSharp's
    /// step allocates two parameter-sized temporaries per parameter and step (sqrt(v), then its quotient); for the
    /// V x H input layer those are 20-40 MB blocks that glibc serves from fresh mmaps (page faults, zeroing) or a
    /// fragmenting heap. Here the denominator lives in one buffer per parameter, reused every step, and the scalars
    /// are explicit and alive across the native calls (environment.md, "Scalars"). Named Adam because TorchSharp writes
    /// the type name into the state and refuses to load another name: old checkpoints load, new ones are unchanged.
    /// </summary>
    private sealed class Adam(IEnumerable<Parameter> parameters, double learningRate) : TorchSharp.Modules.Adam(parameters, learningRate)
    {
        private readonly Dictionary<IntPtr, Tensor> denominators = [];
        private readonly int threads = get_num_threads();

        public bool Fused { get; init; }

        public override Tensor step(Func<Tensor>? closure = null)
        {
            using var _ = no_grad();
            foreach (var group in _parameter_groups)
            {
                var options = (Options)group.Options;
                double beta1 = options.beta1!.Value, beta2 = options.beta2!.Value, lr = options.LearningRate!.Value;
                if (options.amsgrad == true || options.maximize == true || options.weight_decay != 0)
                    throw new NotSupportedException("The kit's Adam takes PyTorch's defaults only (no amsgrad, maximize or weight decay).");
                using var decay1 = beta1.ToScalar();
                using var rate1 = (1 - beta1).ToScalar();
                using var decay2 = beta2.ToScalar();
                using var rate2 = (1 - beta2).ToScalar();
                using var epsilon = options.eps!.Value.ToScalar();
                foreach (var parameter in group.Parameters)
                {
                    var gradient = parameter.grad;
                    if (gradient is null) continue;
                    var state = (State)_state[parameter.Handle];
                    state.step += 1;
                    double correction1 = 1 - Math.Pow(beta1, state.step);
                    double correction2 = 1 - Math.Pow(beta2, state.step);
                    if (Fused && FusedAdamKernel.Supports(parameter, gradient, state.exp_avg, state.exp_avg_sq))
                    {
                        var constants = FusedAdamKernel.Constants.For(beta1, beta2, options.eps!.Value, Math.Sqrt(correction2), -(lr / correction1));
                        FusedAdamKernel.Step(parameter, gradient, state.exp_avg, state.exp_avg_sq, Denominator(parameter), constants, threads);
                        continue;
                    }
                    using var sqrtCorrection2 = Math.Sqrt(correction2).ToScalar();
                    using var stepSize = (-(lr / correction1)).ToScalar();
                    state.exp_avg.mul_(decay1).add_(gradient, rate1);
                    state.exp_avg_sq.mul_(decay2).addcmul_(gradient, gradient, rate2);
                    var denominator = Denominator(parameter).copy_(state.exp_avg_sq).sqrt_().div_(sqrtCorrection2).add_(epsilon);
                    parameter.addcdiv_(state.exp_avg, denominator, stepSize);
                }
            }
            return closure?.Invoke() ?? empty(0);
        }

        private Tensor Denominator(Parameter parameter)
        {
            if (!denominators.TryGetValue(parameter.Handle, out var buffer))
                denominators[parameter.Handle] = buffer = empty_like(parameter).DetachFromDisposeScope();
            return buffer;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                foreach (var buffer in denominators.Values) buffer.Dispose();
            base.Dispose(disposing);
        }
    }
}
