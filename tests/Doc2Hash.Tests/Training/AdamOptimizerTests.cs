using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Training;

/// <summary>The kit's buffered Adam against TorchSharp's optim.Adam: same updates bit for bit, same checkpoint bytes.</summary>
public class AdamOptimizerTests
{
    private const double LearningRate = 0.01;

    /// <summary>Two equal parameters (a 50 x 7 matrix and a bias) from a fixed seed.</summary>
    private static Parameter[] Parameters()
    {
        var generator = new Generator(7);
        return [new Parameter(randn([50, 7], generator: generator)), new Parameter(randn([7], generator: generator))];
    }

    /// <summary>Step <paramref name="t"/>'s gradient: different every step, large and small entries alike.</summary>
    private static void SetGradients(Parameter[] parameters, int t)
    {
        var generator = new Generator((ulong)(100 + t));
        foreach (var parameter in parameters)
            parameter.grad = randn(parameter.shape, generator: generator).mul(Math.Pow(10, t % 3 - 1)).DetachFromDisposeScope();
    }

    private static float[] Values(Parameter[] parameters) => [.. parameters.SelectMany(p => p.data<float>().ToArray())];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Updates_are_bitwise_equal_to_TorchSharp_Adam_over_several_steps(bool fused)
    {
        var reference = Parameters();
        var buffered = Parameters();
        using var torchAdam = optim.Adam(reference, lr: LearningRate);
        using var kitAdam = new AdamOptimizer(buffered, LearningRate, fused);
        Assert.Equal(fused, kitAdam.Fused);
        for (int t = 0; t < 6; t++)
        {
            using var scope = NewDisposeScope();
            SetGradients(reference, t);
            SetGradients(buffered, t);
            torchAdam.step();
            kitAdam.Step();
            Assert.Equal(Values(reference), Values(buffered));   // exact float equality, element by element
        }
        Assert.NotEqual(Values(Parameters()), Values(buffered));   // the steps did move the weights
    }

    [Fact]
    public void Saved_state_is_TorchSharp_Adam_s_format_and_resumes_identically()
    {
        var reference = Parameters();
        var buffered = Parameters();
        using var torchAdam = optim.Adam(reference, lr: LearningRate);
        using var kitAdam = new AdamOptimizer(buffered, LearningRate);
        for (int t = 0; t < 3; t++)
        {
            SetGradients(reference, t);
            SetGradients(buffered, t);
            torchAdam.step();
            kitAdam.Step();
        }
        byte[] torchBytes = Save(w => torchAdam.save_state_dict(w)), kitBytes = Save(kitAdam.Save);
        Assert.Equal(torchBytes, kitBytes);

        var resumed = Parameters();
        for (int i = 0; i < resumed.Length; i++) resumed[i].detach().copy_(buffered[i]);
        using var resumedAdam = new AdamOptimizer(resumed, LearningRate);
        using (var reader = new BinaryReader(new MemoryStream(torchBytes))) resumedAdam.Load(reader);
        SetGradients(reference, 3);
        SetGradients(resumed, 3);
        torchAdam.step();
        resumedAdam.Step();
        Assert.Equal(Values(reference), Values(resumed));
    }

    /// <summary>
    /// Step <paramref name="t"/>'s gradient as a sparse-input model's: most entries exactly +0 (rows of words not in the
    /// minibatch, the same rows every step, so their v stays +0), some -0, some so small that their square underflows
    /// (v becomes +0 while m does not), the rest normal.
    /// </summary>
    private static void SetSparseGradients(Parameter[] parameters, int t)
    {
        var generator = new Generator((ulong)(200 + t));
        foreach (var parameter in parameters)
        {
            using var scope = NewDisposeScope();
            var kind = rand(parameter.shape, generator: new Generator(300));   // fixed per element: which entries stay zero
            var values = randn(parameter.shape, generator: generator);
            var gradient = where(kind.lt(0.6), zeros_like(values), values);
            gradient = where(kind.gt(0.6).logical_and(kind.lt(0.62)), full_like(values, -0.0f), gradient);
            gradient = where(kind.gt(0.62).logical_and(kind.lt(0.64)), values.mul(1e-23), gradient);
            parameter.grad = gradient.DetachFromDisposeScope();
        }
    }

    /// <summary>Steps TorchSharp's Adam and the kit's fused Adam side by side from the same start; true when every step matched exactly.</summary>
    private static bool StepsMatch(Tensor start, int steps, Action<Parameter[], int>? setGradients = null)
    {
        setGradients ??= SetGradients;
        var reference = new[] { new Parameter(start.clone()) };
        var kit = new[] { new Parameter(start.clone()) };
        using var torchAdam = optim.Adam(reference, lr: LearningRate);
        using var kitAdam = new AdamOptimizer(kit, LearningRate, fused: true);
        for (int t = 0; t < steps; t++)
        {
            using var scope = NewDisposeScope();
            setGradients(reference, t);
            setGradients(kit, t);
            torchAdam.step();
            kitAdam.Step();
            if (!reference[0].eq(kit[0]).all().item<bool>()) return false;
        }
        return !start.eq(kit[0]).all().item<bool>();   // and the weights did move
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void The_fused_update_is_bitwise_equal_on_a_large_odd_sized_parameter(int threads)
    {
        // 700,001 elements, a scalar tail of one element: 1 thread walks it in 6 cache blocks (the last one partial),
        // 3 threads split it into chunks above the parallel threshold, each walked in 2 blocks.
        using var start = randn([700_001], generator: new Generator(11));
        int before = get_num_threads();
        set_num_threads(threads);
        try
        {
            Assert.True(StepsMatch(start, steps: 4));
        }
        finally
        {
            set_num_threads(before);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void The_fused_update_is_bitwise_equal_when_most_second_moments_stay_zero(int threads)
    {
        // The fused kernel hands libtorch's sqrt a 1 wherever v is +0 and takes 0 as the root there (libtorch's sqrt is
        // slow on zeros); -0, underflowing squares and the scalar tail must come out exactly as TorchSharp's Adam has them.
        // Weights of 1e-15 scale, so the tiny updates of the underflowing entries (m about 1e-23 over epsilon) show.
        using var start = randn([700_001], generator: new Generator(13)).mul(1e-15);
        int before = get_num_threads();
        set_num_threads(threads);
        try
        {
            Assert.True(StepsMatch(start, steps: 4, SetSparseGradients));
        }
        finally
        {
            set_num_threads(before);
        }
    }

    [Fact]
    public void Libtorch_s_sqrt_gives_each_value_the_same_bits_with_or_without_zeros_beside_it()
    {
        // What the fused kernel's zero substitution relies on: the root of a value does not depend on its neighbours.
        using var values = exp(rand([100_000], generator: new Generator(17)).mul(80).sub(80));   // e^-80 .. 1
        using var withZeros = where(rand([100_000], generator: new Generator(19)).lt(0.5), zeros_like(values), values);
        using var rootsWithZeros = withZeros.sqrt();
        using var nonzero = withZeros.ne(0);
        using var alone = withZeros.masked_select(nonzero).sqrt();   // the same values packed without zeros
        using var beside = rootsWithZeros.masked_select(nonzero);
        Assert.InRange(alone.numel(), 40_000, 60_000);
        Assert.True(alone.eq(beside).all().item<bool>());
        using var zeroRoots = rootsWithZeros.masked_select(nonzero.logical_not());
        Assert.True(zeroRoots.eq(0).all().item<bool>());
    }

    [Fact]
    public void Tensors_the_kernel_does_not_take_fall_back_to_the_unfused_update_with_the_same_result()
    {
        // float64 parameters: the fused kernel is float32-only, so these take libtorch's kernels; still equal to TorchSharp.
        using var start = randn([33, 3], dtype: float64, generator: new Generator(5));
        Assert.True(StepsMatch(start, steps: 3));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("on", true)]
    [InlineData(" ON ", true)]
    [InlineData("1", true)]
    [InlineData("off", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    public void The_environment_switch_reads_on_and_off(string? value, bool expected) =>
        Assert.Equal(expected, AdamOptimizer.ParseFused(value));

    [Fact]
    [BadInput("environment", "DOC2HASH_FUSED_ADAM set to something other than on/off", "ArgumentException naming the variable, the value and the accepted values")]
    public void An_unknown_value_of_the_switch_is_refused_with_the_accepted_values()
    {
        var error = Assert.Throws<ArgumentException>(() => AdamOptimizer.ParseFused("fast"));
        Assert.Contains(AdamOptimizer.FusedVariable, error.Message);
        Assert.Contains("'fast'", error.Message);
        Assert.Contains("on or off", error.Message);
    }

    private static byte[] Save(Action<BinaryWriter> save)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) save(writer);
        return buffer.ToArray();
    }
}
