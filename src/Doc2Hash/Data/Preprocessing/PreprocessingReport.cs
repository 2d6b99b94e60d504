using Doc2Hash.Text;

namespace Doc2Hash.Data.Preprocessing;

/// <summary>
/// What each step of <see cref="Preprocessor"/> removed, made while preparing the dataset (no step is replayed):
/// documents per split and filter with their lengths, the vocabulary cuts (min_df, max_df, max_features), the stop
/// words removed, and the idf of every kept term. Reporting/PreprocessingTables turns it into DataFrames.
/// </summary>
public sealed record PreprocessingReport(
    string Corpus,
    PreprocessingConfig Config,
    IReadOnlyList<SplitFiltering> Splits,
    VocabularyCut Vocabulary,
    StopWordUsage StopWords,
    TermWeights Terms)
{
    public SplitFiltering Split(string name) =>
        Splits.FirstOrDefault(s => s.Split == name)
        ?? throw new ArgumentException($"The report has no split '{name}'; it has {string.Join(", ", Splits.Select(s => s.Split))}.", nameof(name));
}
