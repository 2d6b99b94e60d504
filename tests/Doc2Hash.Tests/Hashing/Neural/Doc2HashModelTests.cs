using Doc2Hash.Data;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Training;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Hashing.Neural;

public class Doc2HashModelTests
{
    private static readonly Doc2HashConfig Small = new() { Bits = 8, HiddenSize = 16 };

    [Fact]
    public void Encoder_emits_one_pair_of_logits_per_bit()
    {
        using var scope = NewDisposeScope();
        using var model = new Doc2HashModel(Small, 5);
        model.SetTraining(false);
        using var batch = BagOfWordsBatch.FromRows(TinyCorpus.ThreeByFive(), null, CPU);
        Assert.Equal(new long[] { 3, 8, 2 }, model.EncodeLogits(batch).shape);
        Assert.Equal(new long[] { 3, 5 }, model.Decode(zeros(3, 8, 2)).shape);
    }

    [Fact]
    public void Training_mode_dropout_without_a_generator_is_refused()
    {
        using var model = new Doc2HashModel(Small, 5);
        using var batch = BagOfWordsBatch.FromRows(TinyCorpus.ThreeByFive(), null, CPU);
        Assert.Throws<ArgumentNullException>(() => model.EncodeLogits(batch));
    }

    [Fact]
    public void Training_mode_dropout_masks_follow_the_generator_and_vanish_in_evaluation_mode()
    {
        using var model = new Doc2HashModel(Small with { Dropout = 0.5 }, 5);
        using var scope = NewDisposeScope();
        using var batch = BagOfWordsBatch.FromRows(TinyCorpus.ThreeByFive(), null, CPU);
        float[] Logits(ulong seed) { using var g = new Generator(seed); return model.EncodeLogits(batch, g).data<float>().ToArray(); }
        model.SetTraining(true);
        Assert.Equal(Logits(1), Logits(1));
        Assert.NotEqual(Logits(1), Logits(2));
        model.SetTraining(false);
        Assert.Equal(Logits(1), Logits(2));
    }

    [Fact]
    public void Reconstruction_is_minus_the_batch_mean_of_tfidf_weighted_log_probabilities()
    {
        using var scope = NewDisposeScope();
        using var batch = BagOfWordsBatch.FromRows(TinyCorpus.ThreeByFive(), null, CPU);
        var logProbabilities = randn(3, 5).log_softmax(-1);
        var dense = batch.ToDense();
        double expected = -(dense * logProbabilities).sum(1).mean().item<float>();
        Assert.Equal(expected, Doc2HashModel.Reconstruction(logProbabilities, batch).item<float>(), 5);
    }

    [Fact]
    public void Codes_are_deterministic_in_evaluation_mode_even_with_dropout()
    {
        using var model = new Doc2HashModel(Small with { Dropout = 0.5 }, 200, seed: 3);
        var documents = TinyCorpus.Topics().Train.Features;
        model.SetTraining(true);
        var first = model.Encode(documents);
        var second = model.Encode(documents);
        Assert.Equal(first.Words, second.Words);
        Assert.True(model.training, "Encode must restore the training mode it found");
    }

    [Fact]
    public void A_code_bit_is_one_exactly_when_the_second_logit_is_larger()
    {
        using var model = new Doc2HashModel(Small, 200);
        var documents = TinyCorpus.Topics().Test.Features;
        var codes = model.Encode(documents);
        model.SetTraining(false);
        using var scope = NewDisposeScope();
        using var batch = BagOfWordsBatch.FromRows(documents, null, CPU);
        var logits = model.EncodeLogits(batch).data<float>().ToArray();
        for (int d = 0; d < documents.Rows; d++)
            for (int b = 0; b < Small.Bits; b++)
                Assert.Equal(logits[(d * Small.Bits + b) * 2 + 1] > logits[(d * Small.Bits + b) * 2], codes[d, b]);
    }

    [Fact]
    public void Loss_reports_reconstruction_and_kl_and_their_weighted_total()
    {
        using var model = new Doc2HashModel(Small with { KlWeight = 2 }, 200);
        var train = TinyCorpus.Topics().Train;
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        var loss = model.ComputeLoss(new TrainingBatch(train.Features, train.Labels), new StepContext(0, 0, generator));
        double reconstruction = loss.Terms["reconstruction"].item<float>(), kl = loss.Terms["kl"].item<float>();
        Assert.True(reconstruction > 0 && kl >= 0);
        Assert.Equal(reconstruction + 2 * kl, loss.Total.item<float>(), 3);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Supervised_variant_adds_a_label_term_weighted_by_the_ramp(bool multiLabel)
    {
        var data = TinyCorpus.Topics();
        var labels = multiLabel
            ? LabelMatrix.MultiLabel(4, Enumerable.Range(0, data.Train.Count).Select(i => (IReadOnlyCollection<int>)(i % 3 == 0 ? [] : new[] { data.Train.Labels.Of(i)[0], 3 })).ToList())
            : data.Train.Labels;
        using var model = new Doc2HashSupervised(Small, new LabelHeadConfig(), 200, 4, multiLabel);
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        // Step 1000: label weight = 1000 * 0.003 = 3.
        var loss = model.ComputeLoss(new TrainingBatch(data.Train.Features, labels), new StepContext(0, 1000, generator));
        double expected = loss.Terms["reconstruction"].item<float>() + 2 * loss.Terms["kl"].item<float>() + 3 * loss.Terms["label"].item<float>();
        Assert.True(loss.Terms["label"].item<float>() > 0);
        Assert.Equal(expected, loss.Total.item<float>(), 2);
        Assert.Equal(3.0, model.Schedules(new StepContext(0, 1000, generator))["label_weight"], 10);
    }

    [Fact]
    public void Label_weight_ramps_by_0_003_per_step_up_to_150()
    {
        var ramp = new LabelHeadConfig();
        Assert.Equal(0.0, ramp.WeightAt(0));
        Assert.Equal(0.3, ramp.WeightAt(100), 10);
        Assert.Equal(150.0, ramp.WeightAt(50000), 10);   // 50,000 * 0.003 = 150
        Assert.Equal(150.0, ramp.WeightAt(80000), 10);
    }

    [Fact]
    public void Initial_weights_depend_on_the_seed_alone_not_on_torch_global_generator()
    {
        static float[] FirstLayer(int seed, long globalSeed)
        {
            manual_seed(globalSeed);
            using var model = new Doc2HashModel(Small, 50, seed);
            return model.parameters().First().data<float>().ToArray();
        }
        Assert.Equal(FirstLayer(seed: 1, globalSeed: 10), FirstLayer(seed: 1, globalSeed: 20));
        Assert.NotEqual(FirstLayer(seed: 1, globalSeed: 10), FirstLayer(seed: 2, globalSeed: 10));
    }

    [Fact]
    public void Xavier_initialisation_fills_every_bias_with_the_configured_constant()
    {
        using var model = new Doc2HashSupervised(Small with { Init = WeightInit.XavierUniform }, new LabelHeadConfig(), 200, 4, false);
        foreach (var (name, parameter) in model.named_parameters().Where(p => p.parameter.dim() == 1))
            Assert.True(parameter.eq(0.01f).all().item<bool>(), $"bias {name} is not 0.01 everywhere");
    }
}
