using Doc2Hash.Hashing.Neural;
using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Training;

namespace Doc2Hash.Tests.Hashing.Neural;

public class VdshModelTests
{
    private static readonly VdshConfig Small = new() { Bits = 8, HiddenSize = 32 };

    [Fact]
    public void Every_bit_is_one_for_exactly_half_of_the_training_documents()
    {
        var data = TinyCorpus.Topics(train: 200);
        using var model = new VdshModel(Small, 200);
        new Trainer(new TrainerOptions { Epochs = 1, BatchSize = 50, LearningRate = 1e-3, K = 10 }).Fit(model, data);
        var codes = model.Encode(data.Train.Features);
        // Lower median of 200 distinct means: 100 documents lie strictly above it on every bit.
        for (int bit = 0; bit < Small.Bits; bit++)
            Assert.Equal(100, Enumerable.Range(0, codes.Count).Count(i => codes[i, bit]));
    }

    [Fact]
    public void The_medians_are_saved_with_the_weights_and_reload_to_identical_codes()
    {
        var data = TinyCorpus.Topics(train: 100);
        using var model = new VdshModel(Small, 200);
        model.FinishEpoch(data.Train.Features);
        var thresholds = model.Thresholds.data<float>().ToArray();
        Assert.Contains(thresholds, t => t != 0);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) model.SaveState(writer);
        using var reloaded = new VdshModel(Small, 200, seed: 99);
        buffer.Position = 0;
        using (var reader = new BinaryReader(buffer)) reloaded.LoadState(reader);
        Assert.Equal(thresholds, reloaded.Thresholds.data<float>().ToArray());
        Assert.Equal(model.Encode(data.Test.Features).Words, reloaded.Encode(data.Test.Features).Words);
    }

    [Fact]
    public void The_private_variable_needs_a_label_head()
    {
        Assert.Throws<ArgumentException>(() => new VdshModel(Small with { PrivateVariable = true }, 200));
    }
}
