using Doc2Hash.Data;
using Doc2Hash.Experiments;
using Doc2Hash.Hashing;
using Doc2Hash.Retrieval;
using Doc2Hash.Text;

namespace Doc2Hash.Tests.Hashing.Classic;

/// <summary>Shared inputs and checks of the classic-method tests.</summary>
internal static class ClassicFixtures
{
    private static readonly Lazy<HashingDataset> Corpus = new(() => SyntheticCorpus.Generate(new SyntheticCorpusOptions()));

    /// <summary>The default synthetic corpus: 4 topics, 200 words, 400 / 100 / 100 documents.</summary>
    public static HashingDataset Synthetic => Corpus.Value;

    /// <summary>A random sparse matrix with about <paramref name="density"/> of its entries uniform in (0, 1).</summary>
    public static SparseMatrix RandomSparse(int rows, int columns, double density, int seed)
    {
        var random = new Random(seed);
        var dense = new float[rows, columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                if (random.NextDouble() < density) dense[r, c] = (float)(0.05 + random.NextDouble());
        return SparseMatrix.FromDense(dense);
    }

    /// <summary>Saves with <paramref name="save"/>, loads with <paramref name="load"/>, and returns the loaded method.</summary>
    public static T RoundTrip<T>(T method, Action<T, BinaryWriter> save, Func<BinaryReader, T> load)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) save(method, writer);
        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var loaded = load(reader);
        Assert.Equal(stream.Length, stream.Position);
        return loaded;
    }

    public static void AssertSameCodes(BinaryCodes expected, BinaryCodes actual)
    {
        Assert.Equal((expected.Count, expected.Bits), (actual.Count, actual.Bits));
        Assert.Equal(expected.Words, actual.Words);
    }

    public static void AssertShape(IHashingMethod method, SparseMatrix documents, int bits)
    {
        var codes = method.Encode(documents);
        Assert.Equal(bits, method.Bits);
        Assert.Equal(documents.Rows, codes.Count);
        Assert.Equal(bits, codes.Bits);
    }

    /// <summary>Share of differing bits between two code sets of equal shape.</summary>
    public static double DifferingBitShare(BinaryCodes a, BinaryCodes b)
    {
        long differing = 0;
        for (int i = 0; i < a.Words.Length; i++) differing += (long)ulong.PopCount(a.Words[i] ^ b.Words[i]);
        return differing / (double)((long)a.Count * a.Bits);
    }
}
