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

    [Theory]
    [InlineData("vdsh")]
    [InlineData("nash")]
    public void A_few_epochs_on_the_synthetic_corpus_beat_random_codes_at_precision_at_10(string method)
    {
        var data = TinyCorpus.Topics(train: 200);
        var (_, result) = TrainAndEncode(method, seed: 1, epochs: 5);
        // Random 16-bit codes: about 1/4 of the 10 neighbours share the topic (4 balanced topics); measured here.
        var random = new Random(1);
        double chance = RetrievalMetrics.PrecisionAtK(RandomCodes.Create(data.Test.Count, 16, random), data.Test.Labels,
            RandomCodes.Create(data.Train.Count, 16, random), data.Train.Labels, 10);
        Assert.True(result.TestPrecision >= chance + 0.2, $"{method}: test P@10 {result.TestPrecision:F3} vs random codes {chance:F3}");
    }
}
