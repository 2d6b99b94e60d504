using Doc2Hash.Text;

namespace Doc2Hash.Data;

/// <summary>One split of a prepared dataset: TF-IDF rows and the matching labels.</summary>
public sealed record DatasetSplit(SparseMatrix Features, LabelMatrix Labels)
{
    public int Count => Features.Rows;
}

/// <summary>
/// A prepared dataset as every method sees it: train (the retrieval database and training data), validation
/// (model selection) and test (queries, evaluated once). Vocabulary and label names index the columns.
/// </summary>
public sealed record HashingDataset(
    string Name,
    IReadOnlyList<string> Vocabulary,
    IReadOnlyList<string> LabelNames,
    DatasetSplit Train,
    DatasetSplit Validation,
    DatasetSplit Test)
{
    public bool IsMultiLabel => Train.Labels.IsMultiLabel;
    public int VocabularySize => Vocabulary.Count;
    public int LabelCount => LabelNames.Count;
}
