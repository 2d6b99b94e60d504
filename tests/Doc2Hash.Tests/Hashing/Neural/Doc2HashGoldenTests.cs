using System.Security.Cryptography;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Training;

namespace Doc2Hash.Tests.Hashing.Neural;

/// <summary>
/// Doc2hash and Doc2hash-S must stay bitwise what they were when the committed results were produced: same parameter
/// names (checkpoints store parameters by name), same initial weights for a seed, same losses and precision after two
/// epochs. Golden values recorded from the kit before the method catalog refactor (commit 569fb0d), on this CPU build.
/// </summary>
public class Doc2HashGoldenTests
{
    private static readonly Doc2HashConfig Small = new() { Bits = 8, HiddenSize = 16 };
    private static readonly TrainerOptions TwoEpochs = new() { Epochs = 2, BatchSize = 25, LearningRate = 5e-3, K = 10 };

    private static string StateHash(ITrainableHasher model)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) model.SaveState(writer);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    [Fact]
    public void Doc2hash_keeps_its_parameter_names_initial_weights_and_training_trajectory()
    {
        using var model = new Doc2HashModel(Small, 200, seed: 1);
        Assert.Equal("input.bias,input.bag.weight,hidden.weight,hidden.bias,toLogits.weight,toLogits.bias,decoder.weight,decoder.bias",
            string.Join(",", model.named_parameters().Select(p => p.name)));
        Assert.Equal("bf6465ce3305e6a016f14424e97b6e3b8d843482d775ba2c6591f7670b9e5ef9", StateHash(model));
        var result = new Trainer(TwoEpochs).Fit(model, TinyCorpus.Topics(train: 100));
        Assert.Equal([29.97195339202881, 29.7933406829834], result.History.Select(h => h.Loss[LossTerms.TotalName]));
        Assert.Equal(0.29399999999999965, result.TestPrecision);
    }

    [Fact]
    public void Doc2hash_s_keeps_its_parameter_names_initial_weights_and_training_trajectory()
    {
        using var model = new Doc2HashSupervised(Small, new LabelHeadConfig(), 200, labelCount: 4, isMultiLabel: false, seed: 1);
        Assert.Equal("vae.input.bias,vae.input.bag.weight,vae.hidden.weight,vae.hidden.bias,vae.toLogits.weight,vae.toLogits.bias,vae.decoder.weight,vae.decoder.bias,labelHead.weight,labelHead.bias",
            string.Join(",", model.named_parameters().Select(p => p.name)));
        Assert.Equal("8a237f727a652909ccfba9d08502be94aa9211694d08f75ae8f68ec91142db1a", StateHash(model));
        var result = new Trainer(TwoEpochs).Fit(model, TinyCorpus.Topics(train: 100));
        Assert.Equal([29.978503227233887, 29.816500663757324], result.History.Select(h => h.Loss[LossTerms.TotalName]));
        Assert.Equal(0.29399999999999965, result.TestPrecision);
    }
}
