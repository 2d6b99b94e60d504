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

    /// <summary>
    /// A sparse bag (V x H, odd H so the kernels' scalar tails run) and a dense layer after it, from a fixed seed; each
    /// step a minibatch of bags with repeated words (duplicate gradient rows), some words never drawn (rows whose
    /// moments stay zero) and a ReLU (exact zeros inside touched rows).
    /// </summary>
    private static (EmbeddingBag Bag, Linear Dense) Model(int rows, int width)
    {
        var generator = new Generator(21);
        var bag = nn.EmbeddingBag(rows, width, mode: EmbeddingBagMode.Sum, sparse: true);
        var dense = nn.Linear(width, 3);
        using var _ = no_grad();
        bag.weight!.copy_(randn([rows, width], generator: generator).mul(0.1));
        dense.weight!.copy_(randn([3, width], generator: generator).mul(0.1));
        dense.bias!.copy_(randn([3], generator: generator));
        return (bag, dense);
    }

    private static void Backward((EmbeddingBag Bag, Linear Dense) model, int step, int rows, int bags)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator((ulong)(500 + step));
        int perBag = 12;
        var ids = randint(0, rows * 3 / 4, [bags * perBag], generator: generator);   // the last quarter of rows is never drawn
        var weights = rand([bags * perBag], generator: generator);
        var offsets = arange(0, bags * perBag, perBag, dtype: ScalarType.Int64);
        model.Bag.weight!.grad = null;
        model.Dense.weight!.grad = null;
        model.Dense.bias!.grad = null;
        var hidden = nn.functional.relu(model.Bag.call(ids, offsets, weights));
        model.Dense.call(hidden).pow(2).sum().backward();
    }

    private static byte[] State(LazyAdam optimizer, (EmbeddingBag Bag, Linear Dense) model)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            optimizer.Save(writer);
            foreach (var parameter in model.Bag.parameters().Concat(model.Dense.parameters())) parameter.Save(writer);
        }
        return stream.ToArray();
    }

    [Theory]
    [InlineData(300, 37, 1, 40)]       // one block of rows, scalar tails
    [InlineData(3000, 100, 1, 40)]     // several blocks of 327 rows
    [InlineData(3000, 100, 2, 40)]     // two torch threads: the dense parameters' kernel splits
    [InlineData(3000, 100, 2, 120)]    // about 1,100 touched rows (110K elements): the rows kernel splits its rows in two
    [InlineData(9000, 37, 3, 400)]     // about 3,800 touched rows in three uneven ranges, scalar tails
    public void The_fused_kernels_are_bitwise_equal_to_the_libtorch_form(int rows, int width, int threads, int bags)
    {
        int before = get_num_threads();
        set_num_threads(threads);
        try
        {
            var fusedModel = Model(rows, width);
            var torchModel = Model(rows, width);
            using var fused = new LazyAdam(fusedModel.Bag.parameters().Concat(fusedModel.Dense.parameters()), LearningRate, fused: true);
            using var reference = new LazyAdam(torchModel.Bag.parameters().Concat(torchModel.Dense.parameters()), LearningRate, fused: false);
            Assert.True(fused.Fused);
            Assert.False(reference.Fused);
            var start = State(reference, torchModel);
            for (int step = 0; step < 5; step++)
            {
                Backward(fusedModel, step, rows, bags);
                Backward(torchModel, step, rows, bags);
                Assert.True(fusedModel.Bag.weight!.grad!.is_sparse);
                fused.Step();
                reference.Step();
                Assert.Equal(State(reference, torchModel), State(fused, fusedModel));   // weights and both moments, byte for byte
            }
            Assert.NotEqual(start, State(fused, fusedModel));
        }
        finally
        {
            set_num_threads(before);
        }
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
