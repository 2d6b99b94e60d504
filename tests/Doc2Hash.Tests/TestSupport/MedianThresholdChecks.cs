using Doc2Hash.Hashing.Neural;
using Doc2Hash.Training;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.TestSupport;

/// <summary>The checks every model with training-median code thresholds must pass (VDSH, Doc2hash's Gaussian prior).</summary>
public static class MedianThresholdChecks
{
    /// <summary>After one epoch on 200 training documents every bit is 1 for exactly 100 of them (lower median of distinct means).</summary>
    public static void EveryBitIsOneForHalfOfTheTrainingDocuments(BagOfWordsHasher model)
    {
        var data = TinyCorpus.Topics(train: 200);
        new Trainer(new TrainerOptions { Epochs = 1, BatchSize = 50, LearningRate = 1e-3, K = 10 }).Fit(model, data);
        var codes = model.Encode(data.Train.Features);
        for (int bit = 0; bit < model.Bits; bit++)
            Assert.Equal(100, Enumerable.Range(0, codes.Count).Count(i => codes[i, bit]));
    }

    /// <summary>The thresholds set by FinishEpoch are saved with the weights: a model with another seed reloads them and encodes identically.</summary>
    public static void ThresholdsSurviveSaveAndLoad(BagOfWordsHasher model, BagOfWordsHasher otherSeed, Func<BagOfWordsHasher, Tensor> thresholds)
    {
        var data = TinyCorpus.Topics(train: 100);
        model.FinishEpoch(data.Train.Features);
        var saved = thresholds(model).data<float>().ToArray();
        Assert.Contains(saved, t => t != 0);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) model.SaveState(writer);
        buffer.Position = 0;
        using (var reader = new BinaryReader(buffer)) otherSeed.LoadState(reader);
        Assert.Equal(saved, thresholds(otherSeed).data<float>().ToArray());
        Assert.Equal(model.Encode(data.Test.Features).Words, otherSeed.Encode(data.Test.Features).Words);
    }
}
