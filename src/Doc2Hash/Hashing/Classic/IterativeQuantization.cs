using Doc2Hash.Retrieval;
using Doc2Hash.Text;

namespace Doc2Hash.Hashing.Classic;

/// <summary>
/// PCA-ITQ (Gong and Lazebnik, "Iterative Quantization: A Procrustean Approach to Learning Binary Codes", CVPR 2011,
/// Section 2.2): centre the data and project onto the top L principal directions, V = (X - 1 mu^T) W (n x L); then
/// look for the orthogonal rotation R minimising the quantisation loss Q(B, R) = ||B - V R||_F^2 over codes
/// B in {-1, +1}^{n x L}, alternating (a) B = sgn(V R) for fixed R and (b) for fixed B, the orthogonal Procrustes
/// problem: with the SVD B^T V = S Omega S_hat^T, R = S_hat S^T. Each step minimises Q over one argument, so Q never
/// increases (<see cref="QuantizationLosses"/>). The start is a random orthogonal matrix (Q factor of a Gaussian
/// matrix). Codes: bit = [x's centred projection times R > 0].
/// </summary>
public sealed class IterativeQuantization : IHashingMethod
{
    private const string FormatTag = "doc2hash.itq";
    private const int FormatVersion = 1;

    private readonly double[] rotation;      // R: (L x L) row-major

    private IterativeQuantization(int seed, PrincipalComponents pca, double[] rotation, double[] losses)
    {
        Seed = seed;
        Pca = pca;
        this.rotation = rotation;
        QuantizationLosses = losses;
    }

    public string Name => "itq";

    public int Bits => Pca.Count;

    public int Seed { get; }

    public PrincipalComponents Pca { get; }

    /// <summary>The learned rotation R (L x L, row-major, orthogonal).</summary>
    public IReadOnlyList<double> Rotation => rotation;

    /// <summary>
    /// ||sgn(V R_t) - V R_t||_F^2 on the training projections for t = 0 (the random start) .. Iterations (the final R):
    /// Iterations + 1 values, non-increasing.
    /// </summary>
    public IReadOnlyList<double> QuantizationLosses { get; }

    public static IterativeQuantization Fit(SparseMatrix train, IterativeQuantizationOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Bits, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Iterations);
        int bits = options.Bits, n = train.Rows;
        var pca = PrincipalComponents.Fit(train, bits, options.Pca, Seeding.ForInitialisation(options.Seed));
        var v = pca.Project(train);                                                                       // (n x L)
        var r = DenseLinearAlgebra.OrthonormalColumns(DenseLinearAlgebra.Gaussian(bits, bits, Seeding.ForInitialisation(options.Seed, stream: 1)), bits, bits);
        var losses = new double[options.Iterations + 1];
        for (int t = 0; ; t++)
        {
            var z = DenseLinearAlgebra.Times(v, r, n, bits, bits);                                        // V R: (n x L)
            var b = Signs(z);
            losses[t] = SquaredDistance(b, z);
            if (t == options.Iterations) break;
            var (s, _, sHatT) = DenseLinearAlgebra.Svd(DenseLinearAlgebra.TransposeTimes(b, v, n, bits, bits), bits, bits);   // B^T V = S Omega S_hat^T
            r = DenseLinearAlgebra.TransposeTimes(sHatT, DenseLinearAlgebra.Transpose(s, bits, bits), bits, bits, bits);    // R = S_hat S^T
        }
        return new IterativeQuantization(options.Seed, pca, r, losses);
    }

    public BinaryCodes Encode(SparseMatrix documents) =>
        Binarize.AtZero(DenseLinearAlgebra.Times(Pca.Project(documents), rotation, documents.Rows, Bits, Bits), documents.Rows, Bits);

    public void Save(BinaryWriter writer)
    {
        ModelFormat.WriteHeader(writer, FormatTag, FormatVersion);
        writer.Write(Seed);
        Pca.Save(writer);
        ModelFormat.Write(writer, rotation);
        writer.Write(QuantizationLosses.Count);
        ModelFormat.Write(writer, QuantizationLosses.ToArray());
    }

    public static IterativeQuantization Load(BinaryReader reader)
    {
        ModelFormat.ReadHeader(reader, FormatTag, FormatVersion);
        int seed = reader.ReadInt32();
        var pca = PrincipalComponents.Load(reader);
        var rotation = ModelFormat.ReadDoubles(reader, (long)pca.Count * pca.Count, "rotation");
        int count = ModelFormat.ReadPositive(reader, "losses.count");
        return new IterativeQuantization(seed, pca, rotation, ModelFormat.ReadDoubles(reader, count, "losses"));
    }

    /// <summary>sgn with sgn(0) = +1, as the authors' code (ITQ.m: UX = ones; UX(Z &lt; 0) = -1).</summary>
    private static double[] Signs(double[] z) => z.Select(value => value < 0 ? -1.0 : 1.0).ToArray();

    private static double SquaredDistance(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += (a[i] - b[i]) * (a[i] - b[i]);
        return sum;
    }
}
