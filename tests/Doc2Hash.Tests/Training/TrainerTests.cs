using Doc2Hash.Data;
using Doc2Hash.Evaluation;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Retrieval;
using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Training;
using TorchSharp;

namespace Doc2Hash.Tests.Training;

public class TrainerTests
{
    private static readonly Doc2HashConfig Small = new() { Bits = 16, HiddenSize = 64 };
    private static readonly TrainerOptions Quick = new() { Epochs = 3, BatchSize = 20, LearningRate = 5e-3, K = 10 };

    private static Doc2HashModel NewModel(int seed = 1, Doc2HashConfig? config = null)
    {
        return new Doc2HashModel(config ?? Small, 200, seed);
    }

    [Fact]
    public void Learned_codes_beat_random_codes_on_precision_at_10_by_a_wide_margin()
    {
        var data = TinyCorpus.Topics();
        using var model = NewModel();
        var result = new Trainer(Quick with { Epochs = 5 }).Fit(model, data);

        // Random 16-bit codes: about 1/4 of the 10 neighbours share the topic (4 balanced topics).
        var random = new Random(1);
        BinaryCodes RandomCodes(int count) => BinaryCodes.FromBits(count, 16, Enumerable.Range(0, count * 16).Select(_ => (byte)random.Next(2)).ToArray());
        double chance = RetrievalMetrics.PrecisionAtK(RandomCodes(data.Test.Count), data.Test.Labels, RandomCodes(data.Train.Count), data.Train.Labels, 10);
        Assert.True(result.TestPrecision >= chance + 0.3, $"learned P@10 {result.TestPrecision:F3} vs random {chance:F3}");
    }

    [Fact]
    public void Live_tensor_count_stays_flat_over_50_training_steps()
    {
        var data = TinyCorpus.Topics(train: 400);
        using var model = NewModel();
        var live = new List<long>();
        var trainer = new Trainer(Quick with { Epochs = 1, BatchSize = 8 });   // 400 / 8 = 50 steps
        trainer.StepCompleted += (_, _) => live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        trainer.Fit(model, data);
        Assert.Equal(50, live.Count);
        // Step 1 creates Adam's moment tensors; from step 2 on nothing may accumulate.
        Assert.All(live.Skip(1), count => Assert.Equal(live[1], count));
    }

    [Fact]
    public void Equal_seeds_give_identical_losses_and_a_different_seed_does_not()
    {
        var data = TinyCorpus.Topics(train: 200);
        double[] Losses(int seed)
        {
            using var model = NewModel(seed);
            var result = new Trainer(Quick with { Epochs = 2, Seed = seed }).Fit(model, data);
            return result.History.SelectMany(e => e.Loss.Values).ToArray();
        }
        var first = Losses(1);
        Assert.Equal(first, Losses(1));
        Assert.NotEqual(first, Losses(2));
    }

    [Fact]
    public void Selection_on_test_is_labelled_as_the_authors_protocol()
    {
        var data = TinyCorpus.Topics(train: 100);
        using var model = NewModel();
        var result = new Trainer(Quick with { Epochs = 1, SelectOn = SelectOn.Test }).Fit(model, data);
        Assert.Equal("selected on test (authors' protocol)", result.SelectionProtocol);
        Assert.Equal(result.TestPrecision, result.History[0].SelectionPrecision, 10);
    }

    [Fact]
    public void Best_checkpoint_reloads_into_a_fresh_model_with_identical_codes()
    {
        var data = TinyCorpus.Topics(train: 200);
        var folder = TempFolder();
        using var model = NewModel();
        new Trainer(Quick with { Epochs = 2 }).Fit(model, data, folder);
        using var reloaded = NewModel(seed: 99);
        var state = Checkpoint.Load(Path.Combine(folder, Trainer.BestCheckpointName), reloaded);
        Assert.Equal(model.Encode(data.Test.Features).Words, reloaded.Encode(data.Test.Features).Words);
        Assert.Equal(state.BestEpoch + 1, state.NextEpoch);
    }

    [Fact]
    public void Resuming_from_last_continues_at_the_next_epoch_exactly_as_an_uninterrupted_run()
    {
        var data = TinyCorpus.Topics(train: 200);
        var options = Quick with { Epochs = 3 };
        using var straight = NewModel();
        var uninterrupted = new Trainer(options).Fit(straight, data);

        var folder = TempFolder();
        using (var first = NewModel()) new Trainer(options with { Epochs = 1 }).Fit(first, data, folder);
        using var second = NewModel(seed: 99);   // weights come from last.bin
        var epochs = new List<int>();
        var trainer = new Trainer(options);
        trainer.EpochCompleted += (_, report) => epochs.Add(report.Epoch);
        var resumed = trainer.Fit(second, data, folder, resume: true);

        Assert.Equal([1, 2], epochs);
        Assert.Equal(uninterrupted.History.Select(e => e.Loss[LossTerms.TotalName]), resumed.History.Select(e => e.Loss[LossTerms.TotalName]));
        Assert.Equal(uninterrupted.TestPrecision, resumed.TestPrecision);
    }

    [Fact]
    [BadInput("trainer", "resume without last.bin", "FileNotFoundException naming last.bin")]
    public void Resuming_without_a_last_checkpoint_names_the_missing_file()
    {
        var folder = TempFolder();
        using var model = NewModel();
        var error = Assert.Throws<FileNotFoundException>(() => new Trainer(Quick).Fit(model, TinyCorpus.Topics(train: 50), folder, resume: true));
        Assert.Contains(Trainer.LastCheckpointName, error.Message);
    }

    private static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "doc2hash-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
