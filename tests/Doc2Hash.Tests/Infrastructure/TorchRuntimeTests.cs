using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Infrastructure;

public class TorchRuntimeTests
{
    [Fact]
    public void Libtorch_loads_and_autograd_computes_a_hand_checked_gradient()
    {
        // y = sum(w * x)^2 with w = [1, 2], x = [3, 4]: y = 11^2 = 121, dy/dw = 2 * 11 * x = [66, 88].
        using var w = tensor(new float[] { 1, 2 }, requires_grad: true);
        using var x = tensor(new float[] { 3, 4 });
        using var y = (w * x).sum().pow(2);
        y.backward();
        Assert.Equal(121f, y.item<float>());
        Assert.Equal(new float[] { 66, 88 }, w.grad!.data<float>().ToArray());
    }
}
