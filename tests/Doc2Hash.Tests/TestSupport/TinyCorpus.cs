using Doc2Hash.Data;
using Doc2Hash.Experiments;
using Doc2Hash.Text;

namespace Doc2Hash.Tests.TestSupport;

/// <summary>Tiny labelled corpora for neural tests: 4 topics over 200 words, and a hand-made 3 x 5 matrix.</summary>
internal static class TinyCorpus
{
    public static HashingDataset Topics(int train = 400, int seed = 1) =>
        SyntheticCorpus.Generate(new SyntheticCorpusOptions { TrainDocuments = train, Seed = seed });

    /// <summary>Three documents over five words, including an empty row.</summary>
    public static SparseMatrix ThreeByFive() => SparseMatrix.FromDense(new float[,]
    {
        { 0.6f, 0f, 0.8f, 0f, 0f },
        { 0f, 0f, 0f, 0f, 0f },
        { 0f, 1f, 0f, 0.5f, 0.25f },
    });
}
