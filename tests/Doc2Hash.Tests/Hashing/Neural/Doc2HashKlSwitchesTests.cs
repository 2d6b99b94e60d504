using Doc2Hash.Hashing.Neural;
using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Tests.TestSupport;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Hashing.Neural;

/// <summary>The opt-in KL switches of Doc2hash: annealing from 0 and free bits (the preset's bitwise trajectory is pinned by Doc2HashGoldenTests).</summary>
public class Doc2HashKlSwitchesTests
{
    private static readonly Doc2HashConfig Small = new() { Bits = 8, HiddenSize = 16 };

    [Fact]
    public void Annealed_weight_is_min_1_step_over_n_times_the_kl_weight()
    {
        var config = Small with { KlWeight = 2, KlAnnealSteps = 5000 };
        Assert.Equal(0.0, config.KlWeightAt(0));
        Assert.Equal(1.0, config.KlWeightAt(2500), 12);   // N/2: 2 x 0.5
        Assert.Equal(2.0, config.KlWeightAt(5000), 12);   // N: the full weight
        Assert.Equal(2.0, config.KlWeightAt(10000));      // 2N: capped at exactly the full weight
        Assert.Equal(2.0, Small.KlWeightAt(0));           // off (the preset): constant from the first step
        Assert.Equal(2.0, Small.KlWeightAt(123456));
    }

    [Fact]
    public void Annealing_scales_only_the_kl_term_and_starts_from_reconstruction_alone()
    {
        using var model = new Doc2HashModel(Small with { KlWeight = 2, KlAnnealSteps = 10 }, 200);
        var train = TinyCorpus.Topics().Train;
        using var scope = NewDisposeScope();
        LossTerms At(long step) { using var g = new Generator(1); return model.ComputeLoss(new TrainingBatch(train.Features, train.Labels), new StepContext(0, step, g)); }
        var first = At(0);
        Assert.True(first.Terms["kl"].item<float>() > 0);
        Assert.Equal(first.Terms["reconstruction"].item<float>(), first.Total.item<float>());   // weight 0: the total is the reconstruction
        var half = At(5);                                                                        // weight 2 x 5/10 = 1
        Assert.Equal(half.Terms["reconstruction"].item<float>() + half.Terms["kl"].item<float>(), half.Total.item<float>(), 4);
        using var g5 = new Generator(1);
        Assert.Equal(1.0, model.Schedules(new StepContext(0, 5, g5))["kl_weight"], 12);
    }

    [Fact]
    public void Free_bits_put_the_clamped_per_bit_kl_into_the_loss_and_the_raw_one_into_the_statistics()
    {
        using var model = new Doc2HashModel(Small with { KlWeight = 1, FreeBits = 0.05 }, 200);
        var train = TinyCorpus.Topics().Train;
        using var scope = NewDisposeScope();
        using var g = new Generator(1);
        var pass = model.Forward(BagOfWordsBatch.FromRows(train.Features, null, CPU), new StepContext(0, 0, g));
        var perBit = BernoulliKl.PerBit(pass.Logits).mean([0]).data<float>().ToArray();   // (L) batch means
        double clamped = perBit.Sum(k => Math.Max(0.05, k));
        Assert.Equal(clamped, pass.Kl.item<float>(), 5);
        Assert.True(clamped >= 8 * 0.05 - 1e-6);
        var terms = Doc2HashModel.Terms(pass);
        Assert.Equal(perBit.Average(), terms[BitCollapse.MeanKlPerBitName].item<float>(), 5);
        Assert.Equal(perBit.Count(k => k < BitCollapse.CollapsedBelowNats) / 8.0, terms[BitCollapse.CollapsedShareName].item<float>(), 6);
    }

    [Theory]
    [InlineData(-1L, 0.0, "--kl-anneal-steps must not be negative")]
    [InlineData(0L, -0.1, "--free-bits must be a number of nats in [0, ln 2")]
    [InlineData(0L, double.NaN, "--free-bits must be a number of nats in [0, ln 2")]
    [InlineData(0L, 0.7, "--free-bits must be a number of nats in [0, ln 2")]
    public void Bad_switch_values_are_clear_errors(long annealSteps, double freeBits, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => (Small with { KlAnnealSteps = annealSteps, FreeBits = freeBits }).Validate());
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Free_bits_are_refused_for_the_authors_flat_softmax_form()
    {
        var error = Assert.Throws<ArgumentException>(() => (Small with { KlForm = KlForm.AuthorsFlatSoftmax, FreeBits = 0.05 }).Validate());
        Assert.Contains("needs --kl-form per-bit", error.Message);
        (Small with { KlForm = KlForm.AuthorsFlatSoftmax, KlAnnealSteps = 100 }).Validate();   // annealing works with either form
    }
}
