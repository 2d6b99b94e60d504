using Doc2Hash.Data.Preprocessing;

namespace Doc2Hash.Tests.Data.Preprocessing;

public class ValidationSplitTests
{
    [Fact]
    public void Halve_gives_validation_the_first_and_larger_half_of_a_permutation()
    {
        var (validation, test) = ValidationSplit.Halve(7, seed: 3);
        Assert.Equal(4, validation.Length);
        Assert.Equal(3, test.Length);
        Assert.Equal(Enumerable.Range(0, 7), validation.Concat(test).Order());
        Assert.Equal(ValidationSplit.Shuffle(7, 3)[..4], validation);
    }

    [Fact]
    public void Shuffle_is_fixed_by_the_seed_and_differs_between_seeds()
    {
        Assert.Equal(ValidationSplit.Shuffle(1000, 1), ValidationSplit.Shuffle(1000, 1));
        Assert.NotEqual(ValidationSplit.Shuffle(1000, 1), ValidationSplit.Shuffle(1000, 2));
    }

    [Fact]
    public void SplitMix64_reproduces_its_reference_sequence()
    {
        // First outputs of SplitMix64 seeded with 0 (Vigna's splitmix64.c; also the values quoted by many ports).
        var random = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, random.NextUInt64());
    }

    [Fact]
    public void Shuffle_is_not_badly_biased()
    {
        // Over 20,000 shuffles of 4 items, each item lands in position 0 about 5,000 times (sd about 61).
        var hits = new int[4];
        for (int seed = 0; seed < 20_000; seed++) hits[ValidationSplit.Shuffle(4, seed)[0]]++;
        Assert.All(hits, h => Assert.InRange(h, 4_700, 5_300));
    }
}
