using Doc2Hash.Hashing.Classic;
using Doc2Hash.Evaluation;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Retrieval;
using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Training;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Experiments;

/// <summary>Every neural method of the catalog, built from its preset (shrunk for speed), on the tiny labelled corpus.</summary>
public class NeuralMethodsTests
{
    public static TheoryData<string> NeuralMethods() => [.. MethodCatalog.All.Where(m => m.IsNeural).Select(m => m.Name)];

    /// <summary>The preset with a small encoder and a learning rate suited to the tiny corpus.</summary>
    private static MethodSettings Small(string method, int seed, int epochs = 1) => MethodCatalog.Configure(method, "tiny", bits: 16, new Dictionary<string, string>
    {
        ["hidden-size"] = "64", ["seed"] = $"{seed}", ["epochs"] = $"{epochs}", ["batch-size"] = "25", ["lr"] = "0.005", ["k"] = "10",
    }).Settings;

    private static (BinaryCodes Codes, TrainingResult Result) TrainAndEncode(string method, int seed, int epochs = 1)
    {
        var data = TinyCorpus.Topics(train: 200);
        var settings = Small(method, seed, epochs);
        using var model = ((INeuralMethodEntry)MethodCatalog.Get(method)).Create(settings, data, CPU);
        var result = new Trainer(((INeuralSettings)settings).Training).Fit(model, data);
        return (model.Encode(data.Test.Features), result);
    }

    [Theory]
    [MemberData(nameof(NeuralMethods))]
    public void Codes_have_the_right_shape_repeat_with_the_seed_and_differ_across_seeds(string method)
    {
        // Three epochs: after one (8 steps) NASH's sampled bits at KL weight 0.01 can still be one constant code.
        var (first, _) = TrainAndEncode(method, seed: 1, epochs: 3);
        Assert.Equal((100, 16), (first.Count, first.Bits));
        Assert.Equal(first.Words, TrainAndEncode(method, seed: 1, epochs: 3).Codes.Words);
        Assert.NotEqual(first.Words, TrainAndEncode(method, seed: 2, epochs: 3).Codes.Words);
    }

    [Theory]
    [MemberData(nameof(NeuralMethods))]
    public void Live_tensor_count_stays_flat_over_training_steps(string method)
    {
        var data = TinyCorpus.Topics(train: 200);
        var settings = Small(method, seed: 1);
        using var model = ((INeuralMethodEntry)MethodCatalog.Get(method)).Create(settings, data, CPU);
        var live = new List<long>();
        var trainer = new Trainer(((INeuralSettings)settings).Training with { BatchSize = 10 });   // 20 steps
        trainer.StepCompleted += (_, _) => live.Add(TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        trainer.Fit(model, data);
        // Step 1 creates Adam's moment tensors; from step 2 on nothing may accumulate.
        Assert.All(live.Skip(1), count => Assert.Equal(live[1], count));
    }

    /// <summary>
    /// Issue 7: on a small synthetic labelled corpus every learned method beats LSH at P@10 (the classic methods:
    /// ClassicSyntheticRetrievalTests). Five epochs of each neural preset (shrunk) against LSH's random hyperplanes at
    /// the same 16 bits on the same split, and against random codes as a floor.
    /// </summary>
    [Theory]
    [MemberData(nameof(NeuralMethods))]
    public void A_few_epochs_on_the_synthetic_corpus_beat_lsh_at_precision_at_10(string method)
    {
        var data = TinyCorpus.Topics(train: 200);
        var (_, result) = TrainAndEncode(method, seed: 1, epochs: 5);
        var lsh = Lsh.Fit(data.Train.Features, new LshOptions { Bits = 16 });
        double lshPrecision = RetrievalMetrics.PrecisionAtK(lsh.Encode(data.Test.Features), data.Test.Labels, lsh.Encode(data.Train.Features), data.Train.Labels, 10);
        var random = new Random(1);
        double chance = RetrievalMetrics.PrecisionAtK(RandomCodes.Create(data.Test.Count, 16, random), data.Test.Labels,
            RandomCodes.Create(data.Train.Count, 16, random), data.Train.Labels, 10);
        Assert.True(lshPrecision > chance, $"LSH P@10 {lshPrecision:F3} should beat random codes {chance:F3} on this corpus");
        Assert.True(result.TestPrecision >= lshPrecision + 0.05, $"{method}: test P@10 {result.TestPrecision:F3} vs LSH {lshPrecision:F3} (random codes {chance:F3})");
    }
}
