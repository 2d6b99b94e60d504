using Doc2Hash.Retrieval;
using Doc2Hash.Text;

namespace Doc2Hash.Hashing.Classic;

/// <summary>
/// Spectral hashing (Weiss, Torralba and Fergus, "Spectral Hashing", NIPS 2008, Section 3.1): (1) PCA to
/// min(L, d) dimensions; (2) along each principal direction j fit the range [a_j, b_j] of the training projections (a
/// uniform distribution on a rectangle); (3) evaluate the analytical one-dimensional eigenfunctions of that
/// distribution and keep the L with the smallest eigenvalues (<see cref="SpectralModes"/>); (4) threshold each at zero:
/// bit = [sin(pi/2 + k pi / (b_j - a_j) (x_j - a_j)) > 0], x_j the document's coordinate along direction j. The shift
/// by a_j follows the authors' reference code (compressSH.m), which puts the interval at [0, b_j - a_j].
/// </summary>
public sealed class SpectralHashing : IHashingMethod
{
    private const string FormatTag = "doc2hash.sph";
    private const int FormatVersion = 1;

    private SpectralHashing(int seed, PrincipalComponents pca, double[] minimums, double[] maximums, SpectralMode[] modes)
    {
        Seed = seed;
        Pca = pca;
        Minimums = minimums;
        Maximums = maximums;
        Modes = modes;
    }

    public string Name => "sph";

    public int Bits => Modes.Count;

    public int Seed { get; }

    public PrincipalComponents Pca { get; }

    /// <summary>a_j: the smallest training coordinate along each principal direction.</summary>
    public IReadOnlyList<double> Minimums { get; }

    /// <summary>b_j: the largest training coordinate along each principal direction.</summary>
    public IReadOnlyList<double> Maximums { get; }

    /// <summary>The eigenfunction behind each bit, in bit order (increasing eigenvalue).</summary>
    public IReadOnlyList<SpectralMode> Modes { get; }

    public static SpectralHashing Fit(SparseMatrix train, SpectralHashingOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Bits, 1);
        int directions = Math.Min(options.Bits, train.Columns);
        var pca = PrincipalComponents.Fit(train, directions, options.Pca, Seeding.ForInitialisation(options.Seed));
        var projected = pca.Project(train);
        var minimums = Enumerable.Repeat(double.PositiveInfinity, directions).ToArray();
        var maximums = Enumerable.Repeat(double.NegativeInfinity, directions).ToArray();
        for (int i = 0; i < train.Rows; i++)
        {
            for (int j = 0; j < directions; j++)
            {
                double value = projected[(long)i * directions + j];
                minimums[j] = Math.Min(minimums[j], value);
                maximums[j] = Math.Max(maximums[j], value);
            }
        }
        var ranges = minimums.Select((a, j) => maximums[j] - a).ToArray();
        return new SpectralHashing(options.Seed, pca, minimums, maximums, SpectralModes.Select(ranges, options.Bits));
    }

    public BinaryCodes Encode(SparseMatrix documents)
    {
        var projected = Pca.Project(documents);
        int directions = Pca.Count;
        var values = new double[(long)documents.Rows * Bits];
        for (int i = 0; i < documents.Rows; i++)
        {
            for (int b = 0; b < Bits; b++)
            {
                var (j, k) = Modes[b];
                double omega = k * Math.PI / (Maximums[j] - Minimums[j]);
                values[(long)i * Bits + b] = Math.Sin(Math.PI / 2 + omega * (projected[(long)i * directions + j] - Minimums[j]));
            }
        }
        return Binarize.AtZero(values, documents.Rows, Bits);
    }

    public void Save(BinaryWriter writer)
    {
        ModelFormat.WriteHeader(writer, FormatTag, FormatVersion);
        writer.Write(Seed);
        Pca.Save(writer);
        ModelFormat.Write(writer, Minimums.ToArray());
        ModelFormat.Write(writer, Maximums.ToArray());
        writer.Write(Bits);
        ModelFormat.Write(writer, Modes.SelectMany(m => new[] { m.Direction, m.Mode }).ToArray());
    }

    public static SpectralHashing Load(BinaryReader reader)
    {
        ModelFormat.ReadHeader(reader, FormatTag, FormatVersion);
        int seed = reader.ReadInt32();
        var pca = PrincipalComponents.Load(reader);
        var minimums = ModelFormat.ReadDoubles(reader, pca.Count, "minimums");
        var maximums = ModelFormat.ReadDoubles(reader, pca.Count, "maximums");
        int bits = ModelFormat.ReadPositive(reader, "bits");
        var pairs = ModelFormat.ReadInts(reader, 2L * bits, "modes");
        var modes = Enumerable.Range(0, bits).Select(b => new SpectralMode(pairs[2 * b], pairs[2 * b + 1])).ToArray();
        if (modes.Any(m => (uint)m.Direction >= (uint)pca.Count || m.Mode < 1))
            throw new InvalidDataException("Saved spectral hashing modes refer to a direction outside the PCA or a mode below 1 (corrupt file).");
        return new SpectralHashing(seed, pca, minimums, maximums, modes);
    }
}
