using Doc2Hash.Hashing.Neural;
using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Training;

public class LazyAdamTests
{
    private const double LearningRate = 0.01;
    private const double Beta1 = 0.9;     // PyTorch's Adam defaults, which LazyAdam uses
    private const double Beta2 = 0.999;

    /// <summary>An EmbeddingBag (sum) of <paramref name="rows"/> x 2 with sparse gradients and weights 0.1 * (0, 1, ..., 2 rows - 1).</summary>
    private static EmbeddingBag SparseBag(int rows, bool sparse = true)
    {
        var bag = nn.EmbeddingBag(rows, 2, mode: EmbeddingBagMode.Sum, sparse: sparse);
        using var _ = no_grad();
        bag.weight!.copy_(arange(2 * rows, dtype: ScalarType.Float32).view(rows, 2) * 0.1f);
        return bag;
    }

    /// <summary>Backward of sum(bag(ids, offsets, weights) * scale): row r's gradient is sum over r's occurrences k of weights_k * scale[bag of k].</summary>
    private static void Backward(EmbeddingBag bag, long[] ids, long[] offsets, float[] weights, float[,] scale)
    {
        using var scope = NewDisposeScope();
        bag.weight!.grad = null;
        (bag.call(tensor(ids), tensor(offsets), tensor(weights)) * tensor(scale)).sum().backward();
    }

    private static float[] Row(EmbeddingBag bag, int row) => bag.weight![row].data<float>().ToArray();

    [Fact]
    public void First_step_moves_every_weight_by_the_learning_rate_against_its_gradient_sign()
    {
        using var bag = SparseBag(3);
        var before = bag.weight!.data<float>().ToArray();
        using var optimizer = new LazyAdam(bag.parameters(), LearningRate);
        // Bags {0, 1} and {2, 1} with weights (1, 2) and (-1, 0.5), scales (1, -1) and (2, 0.5): gradients
        // row 0 = 1 (1, -1) = (1, -1); row 1 = 2 (1, -1) + 0.5 (2, 0.5) = (3, -1.75); row 2 = -1 (2, 0.5) = (-2, -0.5).
        Backward(bag, [0, 1, 2, 1], [0, 2], [1, 2, -1, 0.5f], new float[,] { { 1, -1 }, { 2, 0.5f } });
        Assert.True(bag.weight.grad!.is_sparse);
        optimizer.Step();

        // Adam's first step: m = (1 - b1) g, v = (1 - b2) g^2, so lr sqrt(1 - b2)/(1 - b1) m/(sqrt v + eps) = lr sign(g) up to eps.
        double[] signs = [1, -1, 1, -1, -1, -1];
        var after = bag.weight.data<float>().ToArray();
        for (int i = 0; i < after.Length; i++) Assert.Equal(before[i] - LearningRate * signs[i], after[i], 1e-6);
    }

    [Fact]
    public void With_every_row_touched_the_update_equals_standard_adams()
    {
        using var lazyBag = SparseBag(3);
        using var denseBag = SparseBag(3, sparse: false);
        using var lazy = new LazyAdam(lazyBag.parameters(), LearningRate);
        using var adam = optim.Adam(denseBag.parameters(), lr: LearningRate);
        for (int step = 0; step < 3; step++)
        {
            var scale = new float[,] { { 1 + step, -1 }, { 2, 0.5f - step } };
            foreach (var bag in new[] { lazyBag, denseBag }) Backward(bag, [0, 1, 2, 1], [0, 2], [1, 2, -1, 0.5f], scale);
            lazy.Step();
            adam.step();
        }
        // Equal up to where eps enters (SparseAdam adds it to sqrt(v), Adam to sqrt(v / (1 - b2^t))): ~1e-9 here.
        var expected = denseBag.weight!.data<float>().ToArray();
        var actual = lazyBag.weight!.data<float>().ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-6);
    }

    [Fact]
    public void Untouched_rows_keep_their_weights_and_moments()
    {
        using var bag = SparseBag(4);
        using var optimizer = new LazyAdam(bag.parameters(), LearningRate);
        var initial = Enumerable.Range(0, 4).Select(r => Row(bag, r)).ToArray();

        Backward(bag, [1, 3], [0], [1, 1], new float[,] { { 1, -2 } });   // step 1: rows 1 and 3, gradient (1, -2) each
        optimizer.Step();
        Assert.Equal(initial[0], Row(bag, 0));
        Assert.Equal(initial[2], Row(bag, 2));
        var afterFirst = Enumerable.Range(0, 4).Select(r => Row(bag, r)).ToArray();

        Backward(bag, [0], [0], [1], new float[,] { { 1, -2 } });         // step 2: row 0 only
        optimizer.Step();
        Assert.Equal(afterFirst[1], Row(bag, 1));   // Adam would move row 1 on its momentum; lazily it stays
        Assert.Equal(afterFirst[3], Row(bag, 3));
        // Row 0's moments were still zero: one update m = (1 - b1) g, v = (1 - b2) g^2, bias-corrected with t = 2.
        double rowZeroStep = LearningRate * Math.Sqrt(1 - Beta2 * Beta2) / (1 - Beta1 * Beta1) * (1 - Beta1) / Math.Sqrt(1 - Beta2);
        Assert.Equal(initial[0][0] - rowZeroStep, Row(bag, 0)[0], 1e-6);
        Assert.Equal(initial[0][1] + rowZeroStep, Row(bag, 0)[1], 1e-6);

        Backward(bag, [1], [0], [1], new float[,] { { 1, -2 } });         // step 3: row 1 again, same gradient
        optimizer.Step();
        // Row 1's moments skipped step 2 (no decay): m = (b1 (1 - b1) + (1 - b1)) g = 0.19 g, v = 0.001999 g^2, t = 3.
        double m = Beta1 * (1 - Beta1) + (1 - Beta1), v = Beta2 * (1 - Beta2) + (1 - Beta2);
        double rowOneStep = LearningRate * Math.Sqrt(1 - Math.Pow(Beta2, 3)) / (1 - Math.Pow(Beta1, 3)) * m / Math.Sqrt(v);
        Assert.Equal(afterFirst[1][0] - rowOneStep, Row(bag, 1)[0], 1e-6);
        Assert.Equal(afterFirst[1][1] + rowOneStep, Row(bag, 1)[1], 1e-6);
        Assert.Equal(3, optimizer.StepCount);
    }

    [Fact]
    public void Save_and_load_restore_the_step_count_and_moments()
    {
        using var bag = SparseBag(3);
        using var twin = SparseBag(3);
        using var first = new LazyAdam(bag.parameters(), LearningRate);
        using var second = new LazyAdam(twin.parameters(), LearningRate);
        foreach (var b in new[] { bag, twin }) Backward(b, [0, 1], [0], [1, 1], new float[,] { { 1, -2 } });
        first.Step();
        second.Step();
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) first.Save(writer);
        using var reloaded = new LazyAdam(twin.parameters(), LearningRate);
        buffer.Position = 0;
        using (var reader = new BinaryReader(buffer)) reloaded.Load(reader);

        foreach (var b in new[] { bag, twin }) Backward(b, [0, 2], [0], [1, 1], new float[,] { { 3, 1 } });
        first.Step();
        reloaded.Step();
        Assert.Equal(2, reloaded.StepCount);
        Assert.Equal(bag.weight!.data<float>().ToArray(), twin.weight!.data<float>().ToArray());
    }

    private static readonly TrainerOptions Quick = new()
    {
        Epochs = 3, BatchSize = 20, LearningRate = 5e-3, K = 10, Optimizer = OptimizerKind.LazyAdam,
    };

    private static Doc2HashModel NewModel(int seed = 1) => new(new Doc2HashConfig { Bits = 16, HiddenSize = 64 }, 200, seed);

    [Fact]
    public void A_lazy_adam_run_is_deterministic_for_a_seed_and_differs_from_adam()
    {
        var data = TinyCorpus.Topics(train: 200);
        double[] Losses(TrainerOptions options)
        {
            using var model = NewModel();
            return new Trainer(options).Fit(model, data).History.SelectMany(e => e.Loss.Values).ToArray();
        }
        var lazy = Losses(Quick with { Epochs = 2 });
        Assert.Equal(lazy, Losses(Quick with { Epochs = 2 }));
        Assert.NotEqual(lazy, Losses(Quick with { Epochs = 2, Optimizer = OptimizerKind.Adam }));
    }

    [Fact]
    public void A_resumed_lazy_adam_run_continues_exactly_as_an_uninterrupted_one()
    {
        var data = TinyCorpus.Topics(train: 200);
        using var straight = NewModel();
        var uninterrupted = new Trainer(Quick).Fit(straight, data);

        var folder = Path.Combine(Path.GetTempPath(), "doc2hash-tests", Guid.NewGuid().ToString("N"));
        using (var first = NewModel()) new Trainer(Quick with { Epochs = 1 }).Fit(first, data, folder);
        using var second = NewModel(seed: 99);   // weights and LazyAdam's moments come from last.bin
        var resumed = new Trainer(Quick).Fit(second, data, folder, resume: true);

        Assert.Equal(uninterrupted.History.Select(e => e.Loss[LossTerms.TotalName]), resumed.History.Select(e => e.Loss[LossTerms.TotalName]));
        Assert.Equal(uninterrupted.TestPrecision, resumed.TestPrecision);
    }

    [Fact]
    public void Live_tensor_count_stays_flat_over_50_lazy_adam_steps()
    {
        var data = TinyCorpus.Topics(train: 400);
        using var model = NewModel();
        var live = new List<long>();
        var trainer = new Trainer(Quick with { Epochs = 1, BatchSize = 8 });   // 400 / 8 = 50 steps
        trainer.StepCompleted += (_, _) => live.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        trainer.Fit(model, data);
        Assert.All(live, count => Assert.Equal(live[0], count));
    }
}
