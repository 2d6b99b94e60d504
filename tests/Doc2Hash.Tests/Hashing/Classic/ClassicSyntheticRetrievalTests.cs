using Doc2Hash.Evaluation;
using Doc2Hash.Hashing;
using Doc2Hash.Hashing.Classic;

namespace Doc2Hash.Tests.Hashing.Classic;

/// <summary>On the synthetic topic corpus every learned method must retrieve better than data-independent LSH.</summary>
public class ClassicSyntheticRetrievalTests
{
    private const int Bits = 16;

    [Fact]
    public void Every_learned_method_beats_lsh_at_precision_10()
    {
        var data = ClassicFixtures.Synthetic;
        var train = data.Train.Features;
        double PrecisionAt10(IHashingMethod method) =>
            RetrievalMetrics.PrecisionAtK(method.Encode(data.Test.Features), data.Test.Labels, method.Encode(train), data.Train.Labels, k: 10);

        double lsh = PrecisionAt10(Lsh.Fit(train, new LshOptions { Bits = Bits }));
        var learned = new Dictionary<string, double>
        {
            ["sph"] = PrecisionAt10(SpectralHashing.Fit(train, new SpectralHashingOptions { Bits = Bits })),
            ["sth"] = PrecisionAt10(SelfTaughtHashing.Fit(train, new SelfTaughtHashingOptions { Bits = Bits })),
            ["itq"] = PrecisionAt10(IterativeQuantization.Fit(train, new IterativeQuantizationOptions { Bits = Bits })),
        };

        foreach (var (name, precision) in learned)
            Assert.True(precision > lsh + 0.05, $"{name}: P@10 {precision:F3} vs LSH {lsh:F3}");
    }
}
