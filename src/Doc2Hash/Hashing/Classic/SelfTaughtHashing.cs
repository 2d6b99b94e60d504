using System.Diagnostics;
using Doc2Hash.Retrieval;
using Doc2Hash.Text;

namespace Doc2Hash.Hashing.Classic;

/// <summary>
/// Self-taught hashing (Zhang, Wang, Cai and Lu, "Self-Taught Hashing for Fast Similarity Search", SIGIR 2010).
/// Step 1, unsupervised learning of codes for the training documents: the cosine kNN graph
/// (<see cref="CosineKnnGraph"/>), its Laplacian eigenmaps (<see cref="LaplacianEigenmaps"/>, the L smallest
/// non-trivial solutions of L y = lambda D y), and each dimension thresholded at its median over the training
/// documents (Section 3.1.2), so every bit splits the training set in half. Step 2, supervised learning of hash
/// functions: one linear SVM per bit, trained on the TF-IDF vectors with those codes as labels (Section 3.2).
/// <see cref="Encode"/> uses the classifiers for every document, including training documents, so queries and
/// database are hashed by the same function; the self-taught codes of the training documents are kept in
/// <see cref="TrainingCodes"/> (the paper's database codes).
/// </summary>
public sealed class SelfTaughtHashing : IHashingMethod
{
    private const string FormatTag = "doc2hash.sth";
    private const int FormatVersion = 1;

    private SelfTaughtHashing(int seed, int neighbours, LinearSvm classifiers, BinaryCodes trainingCodes, FitReport report)
    {
        Seed = seed;
        Neighbours = neighbours;
        Classifiers = classifiers;
        TrainingCodes = trainingCodes;
        Report = report;
    }

    public string Name => "sth";

    public int Bits => Classifiers.Outputs;

    public int Seed { get; }

    public int Neighbours { get; }

    public LinearSvm Classifiers { get; }

    /// <summary>The median-thresholded Laplacian embedding of the training documents, in training order.</summary>
    public BinaryCodes TrainingCodes { get; }

    /// <summary>What fitting took: seconds per stage, graph size and the eigen-solver's residual (zeros after loading).</summary>
    public FitReport Report { get; }

    /// <summary>Timings and diagnostics of one fit.</summary>
    public sealed record FitReport(double GraphSeconds, double EmbeddingSeconds, double ClassifierSeconds, long GraphEdges, double EigenResidual, int EigenRestarts);

    public static SelfTaughtHashing Fit(SparseMatrix train, SelfTaughtHashingOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Bits, 1);
        var clock = Stopwatch.StartNew();
        var graph = CosineKnnGraph.Build(train, options.Neighbours);
        double graphSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var embedding = LaplacianEigenmaps.Embed(graph, options.Bits, options.EigenSolver, Seeding.ForInitialisation(options.Seed));
        var trainingCodes = Binarize.Above(embedding.Coordinates, train.Rows, options.Bits, Binarize.ColumnMedians(embedding.Coordinates, train.Rows, options.Bits));
        double embeddingSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var classifiers = LinearSvm.Fit(train, trainingCodes.ToBits(), options.Bits, options.Classifier);
        var report = new FitReport(graphSeconds, embeddingSeconds, clock.Elapsed.TotalSeconds, graph.NonZeros, embedding.MaxResidual, embedding.Restarts);
        return new SelfTaughtHashing(options.Seed, options.Neighbours, classifiers, trainingCodes, report);
    }

    public BinaryCodes Encode(SparseMatrix documents) => Binarize.AtZero(Classifiers.Scores(documents), documents.Rows, Bits);

    public void Save(BinaryWriter writer)
    {
        ModelFormat.WriteHeader(writer, FormatTag, FormatVersion);
        writer.Write(Seed);
        writer.Write(Neighbours);
        Classifiers.Save(writer);
        writer.Write(TrainingCodes.Count);
        writer.Write(TrainingCodes.Words.Length);
        foreach (ulong word in TrainingCodes.Words) writer.Write(word);
    }

    public static SelfTaughtHashing Load(BinaryReader reader)
    {
        ModelFormat.ReadHeader(reader, FormatTag, FormatVersion);
        int seed = reader.ReadInt32();
        int neighbours = ModelFormat.ReadPositive(reader, "neighbours");
        var classifiers = LinearSvm.Load(reader);
        int count = reader.ReadInt32();
        int words = reader.ReadInt32();
        if (count < 0 || words != (long)count * ((classifiers.Outputs + 63) / 64))
            throw new InvalidDataException($"Saved STH training codes: {count} codes in {words} words do not fit {classifiers.Outputs} bits (corrupt file).");
        var packed = new ulong[words];
        for (int i = 0; i < words; i++) packed[i] = reader.ReadUInt64();
        return new SelfTaughtHashing(seed, neighbours, classifiers, new BinaryCodes(count, classifiers.Outputs, packed), new FitReport(0, 0, 0, 0, 0, 0));
    }
}
