using Doc2Hash.Hashing.Classic;
using Doc2Hash.Text;

namespace Doc2Hash.Tests.Hashing.Classic;

public class IterativeQuantizationTests
{
    private static readonly SparseMatrix Train = ClassicFixtures.Synthetic.Train.Features;
    private static readonly SparseMatrix Test = ClassicFixtures.Synthetic.Test.Features;

    [Fact]
    public void Quantisation_loss_never_increases_and_does_decrease()
    {
        var itq = IterativeQuantization.Fit(Train, new IterativeQuantizationOptions { Bits = 16, Iterations = 50 });

        var losses = itq.QuantizationLosses;
        Assert.Equal(51, losses.Count);
        for (int t = 1; t < losses.Count; t++)
            Assert.True(losses[t] <= losses[t - 1] * (1 + 1e-12), $"loss rose at iteration {t}: {losses[t - 1]} -> {losses[t]}");
        Assert.True(losses[^1] < 0.99 * losses[0], $"50 iterations should lower the loss from a random rotation ({losses[0]} -> {losses[^1]}).");
    }

    [Fact]
    public void The_learned_rotation_is_orthogonal()
    {
        var itq = IterativeQuantization.Fit(Train, new IterativeQuantizationOptions { Bits = 8 });
        var r = itq.Rotation;
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 8; j++)
            {
                double dot = 0;
                for (int k = 0; k < 8; k++) dot += r[k * 8 + i] * r[k * 8 + j];
                Assert.Equal(i == j ? 1.0 : 0.0, dot, 10);
            }
    }

    [Fact]
    public void Codes_have_the_right_shape_repeat_with_the_seed_and_change_with_it()
    {
        var first = IterativeQuantization.Fit(Train, new IterativeQuantizationOptions { Bits = 16, Seed = 1 });
        ClassicFixtures.AssertShape(first, Test, 16);
        var again = IterativeQuantization.Fit(Train, new IterativeQuantizationOptions { Bits = 16, Seed = 1 });
        var other = IterativeQuantization.Fit(Train, new IterativeQuantizationOptions { Bits = 16, Seed = 2 });
        ClassicFixtures.AssertSameCodes(first.Encode(Test), again.Encode(Test));
        // Another random start converges to another rotation (a local optimum), so bits differ.
        Assert.True(ClassicFixtures.DifferingBitShare(first.Encode(Test), other.Encode(Test)) > 0.1);
    }

    [Fact]
    public void Save_and_load_give_identical_codes()
    {
        var itq = IterativeQuantization.Fit(Train, new IterativeQuantizationOptions { Bits = 12, Seed = 4 });
        var loaded = ClassicFixtures.RoundTrip(itq, (m, w) => m.Save(w), IterativeQuantization.Load);
        ClassicFixtures.AssertSameCodes(itq.Encode(Test), loaded.Encode(Test));
        Assert.Equal(itq.QuantizationLosses, loaded.QuantizationLosses);
    }
}
