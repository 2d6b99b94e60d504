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

    [Fact]
    public void Updates_are_bitwise_equal_to_TorchSharp_Adam_over_several_steps()
    {
        var reference = Parameters();
        var buffered = Parameters();
        using var torchAdam = optim.Adam(reference, lr: LearningRate);
        using var kitAdam = new AdamOptimizer(buffered, LearningRate);
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

    private static byte[] Save(Action<BinaryWriter> save)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) save(writer);
        return buffer.ToArray();
    }
}
