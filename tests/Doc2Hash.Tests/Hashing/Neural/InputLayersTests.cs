using Doc2Hash.Hashing.Neural;
using Doc2Hash.Tests.TestSupport;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Hashing.Neural;

public class InputLayersTests
{
    [Fact]
    public void Sparse_row_gradients_keep_the_forward_values_and_equal_the_dense_gradient_once_summed()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(1);
        using var input = new SparseBagInput(5, 4, new Doc2HashConfig(), generator, CPU);
        using var batch = BagOfWordsBatch.FromRows(TinyCorpus.ThreeByFive(), null, CPU);
        var scale = arange(12, dtype: ScalarType.Float32).view(3, 4);   // distinct gradient per output entry

        var dense = input.call(batch);
        (dense * scale).sum().backward();
        var denseGradient = input.Weight.grad!.clone();
        Assert.False(denseGradient.is_sparse);

        input.Weight.grad = null;
        input.SparseGradients = true;
        var sparse = input.call(batch);
        (sparse * scale).sum().backward();
        var sparseGradient = input.Weight.grad!;

        Assert.True(sparseGradient.is_sparse);
        Assert.Equal(dense.data<float>().ToArray(), sparse.data<float>().ToArray());
        Assert.True(sparseGradient.to_dense().allclose(denseGradient, rtol: 1e-6, atol: 1e-6));
        Assert.Equal(2, input.parameters().Count());   // the sparse-gradient twin shares the weight, adds no parameter
    }
}
