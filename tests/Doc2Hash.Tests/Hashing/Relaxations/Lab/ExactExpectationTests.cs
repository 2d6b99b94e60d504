using Doc2Hash.Hashing.Relaxations.Lab;
using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Hashing.Relaxations.Lab;

public class ExactExpectationTests
{
    /// <summary>f(z) = 1 + z1 + 2 z2 + z1 z2 (f(0,0) = 1, f(1,0) = 2, f(0,1) = 3, f(1,1) = 5), also defined for relaxed z.</summary>
    private static Tensor F(Tensor z) => 1 + z.select(-1, 0) + 2 * z.select(-1, 1) + z.select(-1, 0) * z.select(-1, 1);

    [Fact]
    public void Two_bits_expectation_and_gradient_match_the_hand_computation()
    {
        // Independent bits with q1 = sigmoid(phi1), q2 = sigmoid(phi2) and E[z1 z2] = q1 q2:
        //   E = 1 + q1 + 2 q2 + q1 q2.
        // With dq/dphi = q (1 - q):
        //   dE/dphi1 = q1 (1 - q1)(1 + q2),   dE/dphi2 = q2 (1 - q2)(2 + q1).
        // At phi = (0, ln 3): q1 = 1/2, q2 = 3/4, so
        //   E = 1 + 0.5 + 1.5 + 0.375 = 3.375,
        //   dE/dphi1 = 0.25 * 1.75 = 0.4375,   dE/dphi2 = 0.1875 * 2.5 = 0.46875.
        using var scope = NewDisposeScope();
        var phi = tensor(new double[] { 0, Math.Log(3) });
        Assert.Equal(3.375, ExactExpectation.Expectation(phi, F).item<double>(), 12);
        var gradient = ExactExpectation.Gradient(phi, F).data<double>().ToArray();
        Assert.Equal(0.4375, gradient[0], 12);
        Assert.Equal(0.46875, gradient[1], 12);
    }

    [Fact]
    public void Batch_positions_are_summed_and_each_gets_its_own_gradient()
    {
        // Row 2 swaps the probabilities: q = (3/4, 1/2): E = 1 + 0.75 + 1 + 0.375 = 3.125,
        // dE/dphi1 = 0.1875 * 1.5 = 0.28125, dE/dphi2 = 0.25 * 2.75 = 0.6875. The total is 3.375 + 3.125 = 6.5.
        using var scope = NewDisposeScope();
        var phi = tensor(new double[] { 0, Math.Log(3), Math.Log(3), 0 }, [2, 2]);
        Assert.Equal(6.5, ExactExpectation.Expectation(phi, F).item<double>(), 12);
        var gradient = ExactExpectation.Gradient(phi, F);
        Assert.Equal([2, 2], gradient.shape);
        var g = gradient.data<double>().ToArray();
        Assert.Equal([0.4375, 0.46875, 0.28125, 0.6875], g.Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void Parameters_of_the_loss_get_their_exact_gradient()
    {
        // f(z) = z.w: dE/dw = E[z] = q.
        using var scope = NewDisposeScope();
        var w = tensor(new double[] { 1, -2, 3 }).requires_grad_(true);
        var phi = tensor(new double[] { 0, Math.Log(3), -Math.Log(4) });
        ExactExpectation.Expectation(phi, z => z.matmul(w)).backward();
        Assert.Equal([0.5, 0.75, 0.2], w.grad!.data<double>().ToArray().Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void Codes_enumerate_bit_i_of_the_row_index()
    {
        using var scope = NewDisposeScope();
        var codes = ExactExpectation.AllCodes(2);
        Assert.Equal([0.0, 0, 1, 0, 0, 1, 1, 1], codes.data<double>().ToArray());
    }

    [Fact]
    public void Too_many_bits_is_refused_with_the_limit()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ExactExpectation.AllCodes(ExactExpectation.MaxBits + 1));
        Assert.Contains("1 to 16 bits", error.Message);
    }
}
