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
        using var model = new VdshModel(Small, 200);
        MedianThresholdChecks.EveryBitIsOneForHalfOfTheTrainingDocuments(model);
    }

    [Fact]
    public void The_medians_are_saved_with_the_weights_and_reload_to_identical_codes()
    {
        using var model = new VdshModel(Small, 200);
        using var reloaded = new VdshModel(Small, 200, seed: 99);
        MedianThresholdChecks.ThresholdsSurviveSaveAndLoad(model, reloaded, m => ((VdshModel)m).Thresholds);
    }

    [Fact]
    public void The_private_variable_needs_a_label_head()
    {
        Assert.Throws<ArgumentException>(() => new VdshModel(Small with { PrivateVariable = true }, 200));
    }
}
