using Doc2Hash.Data;
using Doc2Hash.Evaluation;
using Doc2Hash.Retrieval;
using Doc2Hash.Tests.Retrieval;

namespace Doc2Hash.Tests.Evaluation;

public class NeighbourPerturbationTests
{
    [Fact]
    public void Nearest_same_label_distances_are_measured_within_each_label()
    {
        // Label 0: 0000, 0001, 0111 -> nearest others at 1, 1, 2. Label 1: 1111, 1100 -> 2, 2. Label 2: 1010 alone (skipped).
        // 0111 is 1 bit from 1111, but that code has another label and must not count.
        var codes = TestCodes.Parse("0000", "0001", "0111", "1111", "1100", "1010");
        var labels = LabelMatrix.SingleLabel(3, [0, 0, 0, 1, 1, 2]);
        var estimate = NeighbourPerturbation.Estimate(codes, labels);
        Assert.Equal(5, estimate.CodesMeasured);
        Assert.Equal(2, estimate.MedianNearestDistance);           // sorted 1, 1, 2, 2, 2
        Assert.Equal(8.0 / 5, estimate.MeanNearestDistance, 12);
        Assert.Equal(2.0 / 4, estimate.FlipProbability, 12);
    }

    [Fact]
    public void Grown_database_keeps_the_real_codes_and_flips_bits_at_the_given_rate()
    {
        var random = new Random(4);
        var real = RandomCodes.Create(50, 128, random);
        var grown = NeighbourPerturbation.Grow(real, 20_050, 0.05, random);
        Assert.Equal(real.Words, grown.Words.AsSpan(0, real.Words.Length).ToArray());
        // Each copy is one real code with Binomial(128, 0.05) flips: mean 6.4 to its nearest real code (its source,
        // almost surely: random sources are ~64 bits apart), so the mean nearest distance is 6.4 within sampling error.
        var nearest = HammingSearch.TopK(new BinaryCodes(20_000, 128, grown.Words[real.Words.Length..]), real, 1);
        Assert.InRange(nearest.Distances.Average(), 6.4 - 0.1, 6.4 + 0.1);
        Assert.Equal(0, NeighbourPerturbation.Grow(real, 60, 0, random).Words.Skip(real.Words.Length).Chunk(2).Count(c => !real.Words.Chunk(2).Any(r => r.SequenceEqual(c))));
        Assert.Throws<ArgumentOutOfRangeException>(() => NeighbourPerturbation.Grow(real, 10, 0.1, random));
        Assert.Throws<ArgumentOutOfRangeException>(() => NeighbourPerturbation.Grow(real, 100, 1.0, random));
    }
}
