using Doc2Hash.Data;
using Doc2Hash.Experiments;

namespace Doc2Hash.Cli.Commands;

/// <summary>What train, eval, encode and bench-training share: loading a dataset by name and turning failures into messages.</summary>
internal static class NeuralRunSupport
{
    /// <summary>Names this build can load (the synthetic corpora are always available).</summary>
    public const string SyntheticSmall = "synthetic";
    public const string Synthetic20NgScale = "synthetic-20ng";

    /// <summary>
    /// THE single call site for loading a prepared dataset by name. When the data pipeline is merged, the real
    /// corpora come from <c>DatasetCatalog.Load(name, new DataOptions())</c>: replace the throw below with that call.
    /// </summary>
    public static HashingDataset LoadDataset(string name) => name switch
    {
        SyntheticSmall => SyntheticCorpus.Generate(new SyntheticCorpusOptions
        {
            Topics = 20, VocabularySize = 2000, TrainDocuments = 2000, ValidationDocuments = 500, TestDocuments = 500, TokensPerDocument = 80,
        }),
        Synthetic20NgScale => SyntheticCorpus.Generate(TwentyNewsgroupsScale()),
        _ => throw new ArgumentException(
            $"Dataset '{name}' is not available in this build yet (the dataset catalog arrives with the data pipeline). " +
            $"Use --dataset {SyntheticSmall} or {Synthetic20NgScale} meanwhile."),
    };

    /// <summary>20 Newsgroups' shape after the authors' preprocessing: 10,257 / 3,405 / 3,405 documents, 10,000 words, about 1% non-zeros.</summary>
    public static SyntheticCorpusOptions TwentyNewsgroupsScale() => new()
    {
        Topics = 20,
        VocabularySize = 10_000,
        TrainDocuments = 10_257,
        ValidationDocuments = 3_405,
        TestDocuments = 3_405,
        TokensPerDocument = 110,   // about 100 distinct words per document: 1% of 10,000
    };

    /// <summary>Runs a command body; expected failures (bad input, missing files) become one line on stderr and exit code 1.</summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or InvalidOperationException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
