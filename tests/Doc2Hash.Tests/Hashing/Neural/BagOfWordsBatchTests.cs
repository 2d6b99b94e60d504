using Doc2Hash.Hashing.Neural;
using Doc2Hash.Tests.TestSupport;
using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Hashing.Neural;

public class BagOfWordsBatchTests
{
    [Fact]
    public void Batch_lays_out_ids_offsets_and_weights_of_the_selected_rows_in_order()
    {
        // Rows 2 then 0 of the 3 x 5 fixture: row 2 holds words 1, 3, 4; row 0 holds words 0, 2.
        using var batch = BagOfWordsBatch.FromRows(TinyCorpus.ThreeByFive(), [2, 0], CPU);
        Assert.Equal(new long[] { 1, 3, 4, 0, 2 }, batch.Ids.data<long>().ToArray());
        Assert.Equal(new long[] { 0, 3 }, batch.Offsets.data<long>().ToArray());
        Assert.Equal(new[] { 1f, 0.5f, 0.25f, 0.6f, 0.8f }, batch.Weights.data<float>().ToArray());
        // Flat index = batch row * V + word: 0*5+1, 0*5+3, 0*5+4, 1*5+0, 1*5+2.
        Assert.Equal(new long[] { 1, 3, 4, 5, 7 }, batch.FlatIndex.data<long>().ToArray());
    }

    [Fact]
    public void Dense_view_reproduces_the_matrix_including_empty_rows()
    {
        var matrix = TinyCorpus.ThreeByFive();
        using var batch = BagOfWordsBatch.FromRows(matrix, null, CPU);
        using var dense = batch.ToDense();
        var expected = matrix.ToDense();
        Assert.Equal(expected.Cast<float>().ToArray(), dense.data<float>().ToArray());
    }

    [Fact]
    public void Sparse_bag_input_computes_x_times_W_plus_b()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        var layer = new SparseBagInput(5, 3, new Doc2HashConfig(), generator, CPU);
        using var batch = BagOfWordsBatch.FromRows(TinyCorpus.ThreeByFive(), null, CPU);
        var expected = batch.ToDense().matmul(layer.Weight) + layer.Bias;   // (3, 5) @ (5, 3) + (3)
        var actual = layer.call(batch);
        Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-6), "EmbeddingBag(sum, per-sample weights) differs from x @ W + b");
        // The empty document gets the bias alone.
        Assert.Equal(layer.Bias.data<float>().ToArray(), actual[1].data<float>().ToArray());
    }

    [Fact]
    public void Sparse_bag_input_starts_like_nn_Linear_within_plus_minus_one_over_sqrt_V()
    {
        using var generator = new Generator(2);
        using var layer = new SparseBagInput(400, 50, new Doc2HashConfig(), generator, CPU);
        double bound = 1.0 / Math.Sqrt(400);   // 0.05
        Assert.True(layer.Weight.abs().max().item<float>() <= bound);
        Assert.True(layer.Weight.abs().max().item<float>() > bound * 0.9);
    }
}
