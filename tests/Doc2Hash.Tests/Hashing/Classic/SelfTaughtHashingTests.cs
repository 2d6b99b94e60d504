using Doc2Hash.Hashing.Classic;
using Doc2Hash.Text;

namespace Doc2Hash.Tests.Hashing.Classic;

public class SelfTaughtHashingTests
{
    private static readonly SparseMatrix Train = ClassicFixtures.Synthetic.Train.Features;
    private static readonly SparseMatrix Test = ClassicFixtures.Synthetic.Test.Features;
    private static readonly Lazy<SelfTaughtHashing> Fitted = new(() => SelfTaughtHashing.Fit(Train, new SelfTaughtHashingOptions { Bits = 12 }));

    [Fact]
    public void Codes_have_the_right_shape_and_repeat_with_the_seed()
    {
        ClassicFixtures.AssertShape(Fitted.Value, Test, 12);
        var again = SelfTaughtHashing.Fit(Train, new SelfTaughtHashingOptions { Bits = 12 });
        ClassicFixtures.AssertSameCodes(Fitted.Value.Encode(Test), again.Encode(Test));
        ClassicFixtures.AssertSameCodes(Fitted.Value.TrainingCodes, again.TrainingCodes);
    }

    [Fact]
    public void Median_thresholding_splits_the_training_documents_in_half_per_bit()
    {
        var codes = Fitted.Value.TrainingCodes;
        for (int b = 0; b < 12; b++)
            Assert.Equal(Train.Rows / 2, Enumerable.Range(0, Train.Rows).Count(i => codes[i, b]));
    }

    [Fact]
    public void Classifiers_reproduce_most_self_taught_training_bits()
    {
        var share = ClassicFixtures.DifferingBitShare(Fitted.Value.TrainingCodes, Fitted.Value.Encode(Train));
        Assert.True(share < 0.1, $"classifiers disagree with {share:P1} of the self-taught training bits");
    }

    [Fact]
    public void Save_and_load_give_identical_codes()
    {
        var loaded = ClassicFixtures.RoundTrip(Fitted.Value, (m, w) => m.Save(w), SelfTaughtHashing.Load);
        ClassicFixtures.AssertSameCodes(Fitted.Value.Encode(Test), loaded.Encode(Test));
        ClassicFixtures.AssertSameCodes(Fitted.Value.TrainingCodes, loaded.TrainingCodes);
        Assert.Equal(20, loaded.Neighbours);
    }
}
