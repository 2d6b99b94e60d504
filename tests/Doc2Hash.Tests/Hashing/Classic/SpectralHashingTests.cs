using Doc2Hash.Hashing.Classic;
using Doc2Hash.Text;

namespace Doc2Hash.Tests.Hashing.Classic;

public class SpectralHashingTests
{
    private static readonly SparseMatrix Train = ClassicFixtures.Synthetic.Train.Features;
    private static readonly SparseMatrix Test = ClassicFixtures.Synthetic.Test.Features;

    [Fact]
    public void Modes_with_the_smallest_eigenvalues_are_chosen_for_ranges_1_and_3()
    {
        // Direction 0 has range 1, direction 1 range 3; lambda grows with (k / range)^2:
        //   direction 1: k = 1 -> 1/9, k = 2 -> 4/9, k = 3 -> 9/9 = 1, k = 4 -> 16/9
        //   direction 0: k = 1 -> 1,   k = 2 -> 4
        // Ascending: (1,1) 0.11, (1,2) 0.44, then the tie at 1 between (0,1) and (1,3), ordered by direction, then (1,4).
        var four = SpectralModes.Select([1.0, 3.0], 4);
        Assert.Equal([new SpectralMode(1, 1), new SpectralMode(1, 2), new SpectralMode(0, 1), new SpectralMode(1, 3)], four);
        var three = SpectralModes.Select([1.0, 3.0], 3);
        Assert.Equal([new SpectralMode(1, 1), new SpectralMode(1, 2), new SpectralMode(0, 1)], three);
        // With eps = 1 the paper's eigenvalues are in that order: 1 - exp(-(pi k / R)^2 / 2).
        Assert.True(SpectralModes.Eigenvalue(3, 2, 1) < SpectralModes.Eigenvalue(1, 1, 1));
        Assert.Equal(SpectralModes.Eigenvalue(1, 1, 1), SpectralModes.Eigenvalue(3, 3, 1), 12);
    }

    [Fact]
    public void A_direction_without_spread_is_rejected_with_a_clear_message()
    {
        var error = Assert.Throws<ArgumentException>(() => SpectralModes.Select([2.0, 0.0], 2));
        Assert.Contains("direction 1", error.Message);
    }

    [Fact]
    public void Bits_are_the_thresholded_eigenfunctions_of_the_uniform_range()
    {
        // Points on a 30 x 10 grid in [0.05, 2.95] x [0.05, 0.95]: the first principal direction is the long axis, with
        // range R = 2.9. Modes (k / R)^2: long axis 0.119, 0.476, 1.07 < short axis 1.23, so 3 bits use modes 1, 2, 3 of
        // the long axis. Mode 1 = [cos(pi u / R) > 0] with u = x - a: one side of the midpoint; mode 2 = [cos(2 pi u / R) > 0]:
        // the outer quarters; mode 3: u < R/6 or R/2 < u < 5R/6.
        var grid = new float[300, 2];
        for (int i = 0; i < 30; i++)
            for (int j = 0; j < 10; j++)
                (grid[i * 10 + j, 0], grid[i * 10 + j, 1]) = (0.05f + 0.1f * i, 0.05f + 0.1f * j);
        var points = SparseMatrix.FromDense(grid);

        var sph = SpectralHashing.Fit(points, new SpectralHashingOptions { Bits = 3 });

        Assert.Equal([new SpectralMode(0, 1), new SpectralMode(0, 2), new SpectralMode(0, 3)], sph.Modes);
        Assert.Equal(2.9, sph.Maximums[0] - sph.Minimums[0], 5);
        var codes = sph.Encode(points);
        // The PCA direction may point either way along the axis; u is the distance from the end it starts at.
        bool forward = codes[0, 0];    // x = 0.05 is at u = 0 if the direction points towards +x
        for (int p = 0; p < 300; p++)
        {
            double x = grid[p, 0];
            double u = forward ? x - 0.05 : 2.95 - x;
            Assert.Equal(u < 1.45, codes[p, 0]);
            Assert.Equal(u < 0.725 || u > 2.175, codes[p, 1]);
            Assert.Equal(u < 2.9 / 6 || (u > 1.45 && u < 2.9 * 5 / 6), codes[p, 2]);
        }
    }

    [Fact]
    public void Codes_have_the_right_shape_and_repeat_with_the_seed()
    {
        var options = new SpectralHashingOptions { Bits = 24, Seed = 2 };
        var sph = SpectralHashing.Fit(Train, options);
        ClassicFixtures.AssertShape(sph, Test, 24);
        ClassicFixtures.AssertSameCodes(sph.Encode(Test), SpectralHashing.Fit(Train, options).Encode(Test));
    }

    [Fact]
    public void Save_and_load_give_identical_codes()
    {
        var sph = SpectralHashing.Fit(Train, new SpectralHashingOptions { Bits = 16 });
        var loaded = ClassicFixtures.RoundTrip(sph, (m, w) => m.Save(w), SpectralHashing.Load);
        ClassicFixtures.AssertSameCodes(sph.Encode(Test), loaded.Encode(Test));
        Assert.Equal(sph.Modes, loaded.Modes);
    }
}
