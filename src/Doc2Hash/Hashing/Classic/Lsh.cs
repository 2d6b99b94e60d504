using Doc2Hash.Retrieval;
using Doc2Hash.Text;

namespace Doc2Hash.Hashing.Classic;

/// <summary>
/// Locality-sensitive hashing by random hyperplanes (Charikar, "Similarity estimation techniques from rounding
/// algorithms", STOC 2002): bit b of x is [r_b . x > 0] with r_b ~ N(0, I_d). For two vectors at angle theta a bit
/// differs with probability theta / pi, so the Hamming distance estimates the angle between TF-IDF vectors. The
/// hyperplanes ignore the data; "fitting" only fixes the vocabulary size.
/// </summary>
public sealed class Lsh : IHashingMethod
{
    private const string FormatTag = "doc2hash.lsh";
    private const int FormatVersion = 1;

    private readonly double[] hyperplanes;    // (d x L) row-major: column b is r_b

    private Lsh(int dimensions, int bits, int seed, double[] hyperplanes)
    {
        InputDimensions = dimensions;
        Bits = bits;
        Seed = seed;
        this.hyperplanes = hyperplanes;
    }

    public string Name => "lsh";

    public int Bits { get; }

    public int Seed { get; }

    /// <summary>Vocabulary size d the hyperplanes live in.</summary>
    public int InputDimensions { get; }

    /// <summary>Draws L Gaussian hyperplanes in the vocabulary space of <paramref name="train"/>.</summary>
    public static Lsh Fit(SparseMatrix train, LshOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Bits, 1);
        var planes = DenseLinearAlgebra.Gaussian(train.Columns, options.Bits, Seeding.ForInitialisation(options.Seed));
        return new Lsh(train.Columns, options.Bits, options.Seed, planes);
    }

    public BinaryCodes Encode(SparseMatrix documents)
    {
        if (documents.Columns != InputDimensions)
            throw new ArgumentException($"Documents have {documents.Columns} columns; this LSH was fitted on {InputDimensions} (use the same vocabulary).", nameof(documents));
        return Binarize.AtZero(SparseProducts.Times(documents, hyperplanes, Bits), documents.Rows, Bits);
    }

    public void Save(BinaryWriter writer)
    {
        ModelFormat.WriteHeader(writer, FormatTag, FormatVersion);
        writer.Write(InputDimensions);
        writer.Write(Bits);
        writer.Write(Seed);
        ModelFormat.Write(writer, hyperplanes);
    }

    public static Lsh Load(BinaryReader reader)
    {
        ModelFormat.ReadHeader(reader, FormatTag, FormatVersion);
        int d = ModelFormat.ReadPositive(reader, "dimensions");
        int bits = ModelFormat.ReadPositive(reader, "bits");
        int seed = reader.ReadInt32();
        return new Lsh(d, bits, seed, ModelFormat.ReadDoubles(reader, (long)d * bits, "hyperplanes"));
    }
}
