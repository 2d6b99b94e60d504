using Doc2Hash.Hashing.Relaxations.Lab;
using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Tests.Hashing.Relaxations.Lab;

public class ToyLatentModelTests
{
    private static readonly ToyModelOptions Tiny = new() { Bits = 2, Documents = 2, VocabularySize = 3, TokensPerDocument = 7, Seed = 4 };

    [Fact]
    public void Loss_is_the_per_document_negative_log_likelihood_divided_by_the_document_count()
    {
        using var model = new ToyLatentModel(Tiny);
        using var scope = NewDisposeScope();
        var w = model.DecoderWeight.data<double>().ToArray();   // (2, 3) row-major
        var n = model.Counts.data<double>().ToArray();          // (2, 3)
        double[] z = [1.0, 0.25];                               // a relaxed code, the same for both documents
        var expected = new double[2];
        for (int d = 0; d < 2; d++)
        {
            var logits = Enumerable.Range(0, 3).Select(v => z[0] * w[v] + z[1] * w[3 + v]).ToArray();   // bias starts at 0
            double logNormaliser = Math.Log(logits.Sum(Math.Exp));
            expected[d] = -Enumerable.Range(0, 3).Sum(v => n[d * 3 + v] * (logits[v] - logNormaliser)) / 2;
        }
        var loss = model.Loss(tensor(new[] { 1.0, 0.25, 1.0, 0.25 }, [1, 2, 2])).data<double>().ToArray();
        Assert.Equal(expected[0], loss[0], 12);
        Assert.Equal(expected[1], loss[1], 12);
    }

    [Fact]
    public void Expected_loss_is_the_probability_weighted_sum_over_the_four_codes()
    {
        using var model = new ToyLatentModel(Tiny);
        using var scope = NewDisposeScope();
        var q = model.Logits.sigmoid().data<double>().ToArray();   // (2, 2)
        double expected = 0;
        foreach (var (a, b) in new[] { (0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0) })
        {
            var loss = model.Loss(tensor(new[] { a, b, a, b }, [1, 2, 2])).data<double>().ToArray();
            for (int d = 0; d < 2; d++)
                expected += (a == 1 ? q[2 * d] : 1 - q[2 * d]) * (b == 1 ? q[2 * d + 1] : 1 - q[2 * d + 1]) * loss[d];
        }
        Assert.Equal(expected, model.ExpectedLoss(), 12);
    }

    [Fact]
    public void Corpus_is_seeded_and_each_document_has_the_requested_tokens()
    {
        using var first = new ToyLatentModel(Tiny with { Documents = 5, VocabularySize = 8 });
        using var second = new ToyLatentModel(Tiny with { Documents = 5, VocabularySize = 8 });
        using var other = new ToyLatentModel(Tiny with { Documents = 5, VocabularySize = 8, Seed = 5 });
        Assert.Equal(first.Counts.data<double>().ToArray(), second.Counts.data<double>().ToArray());
        Assert.Equal(first.Logits.data<double>().ToArray(), second.Logits.data<double>().ToArray());
        Assert.NotEqual(first.Counts.data<double>().ToArray(), other.Counts.data<double>().ToArray());
        using var rowSums = first.Counts.sum(1);
        Assert.All(rowSums.data<double>().ToArray(), s => Assert.Equal(7, s));
    }

    [Fact]
    public void Codes_of_the_wrong_shape_are_refused_with_the_expected_one()
    {
        using var model = new ToyLatentModel(Tiny);
        using var code = zeros(4, 3, 2, dtype: ScalarType.Float64);
        var error = Assert.Throws<ArgumentException>(() => model.Loss(code));
        Assert.Contains("(..., 2, 2)", error.Message);
    }
}
