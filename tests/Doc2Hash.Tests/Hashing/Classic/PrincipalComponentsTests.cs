using Doc2Hash.Hashing.Classic;

namespace Doc2Hash.Tests.Hashing.Classic;

public class PrincipalComponentsTests
{
    [Fact]
    public void Iterative_pca_matches_the_eigenvectors_of_the_exact_covariance()
    {
        var x = ClassicFixtures.Synthetic.Train.Features;     // 400 x 200
        const int k = 6;
        // Small blocks so that the block Krylov path runs (not the dense fallback) on 200 dimensions.
        var options = new EigenSolverOptions { DenseLimit = 0, Oversampling = 4, KrylovBlocks = 4, Tolerance = 1e-10 };
        var pca = PrincipalComponents.Fit(x, k, options, seed: 9);

        // Reference: sample covariance built densely here, decomposed by LAPACK.
        int n = x.Rows, d = x.Columns;
        var dense = x.ToDense();
        var mean = Enumerable.Range(0, d).Select(c => Enumerable.Range(0, n).Average(r => (double)dense[r, c])).ToArray();
        var covariance = new double[d * d];
        for (int r = 0; r < n; r++)
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++)
                    covariance[a * d + b] += (dense[r, a] - mean[a]) * (dense[r, b] - mean[b]) / (n - 1);
        var (values, vectors) = DenseLinearAlgebra.SymmetricEigen(covariance, d);

        for (int c = 0; c < k; c++)
        {
            Assert.Equal(values[d - 1 - c], pca.Variances[c], 12);
            double cosine = Enumerable.Range(0, d).Sum(w => vectors[w * d + d - 1 - c] * pca.Directions[w * k + c]);
            Assert.True(Math.Abs(cosine) > 1 - 1e-8, $"direction {c}: |cos| = {Math.Abs(cosine)}");
        }
        Assert.Equal(mean, pca.Mean, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Projection_is_centred_and_directions_have_a_fixed_sign()
    {
        var x = ClassicFixtures.Synthetic.Train.Features;
        var options = new EigenSolverOptions { DenseLimit = 0, Oversampling = 4, KrylovBlocks = 4 };
        var a = PrincipalComponents.Fit(x, 4, options, seed: 1);
        var b = PrincipalComponents.Fit(x, 4, options, seed: 2);
        var projected = a.Project(x);
        for (int c = 0; c < 4; c++)
        {
            Assert.Equal(0, Enumerable.Range(0, x.Rows).Average(i => projected[i * 4 + c]), 12);
            // Different random sketches, same directions with the same sign.
            Assert.Equal(1, Enumerable.Range(0, x.Columns).Sum(w => a.Directions[w * 4 + c] * b.Directions[w * 4 + c]), 6);
        }
    }
}
