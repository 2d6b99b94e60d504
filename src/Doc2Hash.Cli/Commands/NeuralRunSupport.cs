using Doc2Hash.Data;
using Doc2Hash.Experiments;

namespace Doc2Hash.Cli.Commands;

/// <summary>What train, eval, encode and bench training share: loading a dataset by name.</summary>
internal static class NeuralRunSupport
{
    /// <summary>Names this build can load (the synthetic corpora are always available).</summary>
    public const string SyntheticSmall = "synthetic";
    public const string Synthetic20NgScale = "synthetic-20ng";

    /// <summary>
    /// The single place train/reproduce/eval/encode load a dataset by name: the synthetic corpora by their names,
    /// everything else (registered corpora, user corpora, VDSH .mat files) through the dataset catalog and its processed
    /// cache. Data locations and the user-corpus encoding come from <paramref name="options"/> (--data-dir, --mirror,
    /// --encoding, <see cref="DataOptionsBinder"/>), by default from DOC2HASH_DATA_DIR / DOC2HASH_DATA_MIRROR.
    /// </summary>
    public static HashingDataset LoadDataset(string name, DataOptions? options = null) => name switch
    {
        SyntheticSmall => SyntheticCorpus.Generate(new SyntheticCorpusOptions
        {
            Topics = 20, VocabularySize = 2000, TrainDocuments = 2000, ValidationDocuments = 500, TestDocuments = 500, TokensPerDocument = 80,
        }),
        Synthetic20NgScale => SyntheticCorpus.Generate(TwentyNewsgroupsScale()),
        _ => DataCommand.Load(name, options ?? DataOptions.Default, rebuild: false).Dataset,
    };

    /// <summary>
    /// The dataset as a run records it: a synthetic or registered name as given, a user corpus or .mat file given by a
    /// path as its full path, so `train --resume`, eval and encode find it from any folder (the run folder itself goes
    /// under the corpus's name, <see cref="RunFolder.DatasetFolderName"/>).
    /// </summary>
    public static string DatasetName(string given) =>
        given is SyntheticSmall or Synthetic20NgScale || DatasetRegistry.Names.Contains(given, StringComparer.OrdinalIgnoreCase)
            || !(File.Exists(given) || Directory.Exists(given))
            ? given
            : Path.GetFullPath(given);

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

}
