using Doc2Hash.Hashing.Neural;
using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.TestSupport;

/// <summary>One stochastic Doc2hash pass over the 100 training documents of <see cref="TinyCorpus.Topics"/>, noise from a seeded generator.</summary>
public static class Doc2HashPasses
{
    public static Doc2HashPass OnTinyCorpus(Doc2HashModel model, int seed = 1)
    {
        var train = TinyCorpus.Topics(train: 100).Train;
        using var g = new Generator((ulong)seed);
        return model.Forward(BagOfWordsBatch.FromRows(train.Features, null, CPU), new StepContext(0, 0, g));
    }
}
