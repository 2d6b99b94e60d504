namespace Doc2Hash.Data;

/// <summary>
/// Properties of a prepared dataset that make its retrieval numbers meaningless without making it unusable, said out
/// loud. A warning rather than an error: codes can still be learned (unsupervised methods never see the labels) and
/// encoded for search, only the label-based evaluation cannot judge them.
/// </summary>
public static class DatasetWarnings
{
    public static IReadOnlyList<string> Check(HashingDataset dataset)
    {
        var warnings = new List<string>();
        if (dataset.LabelCount <= 1)
            warnings.Add(
                $"dataset '{dataset.Name}' has {(dataset.LabelCount == 0 ? "no labels" : $"a single label ('{dataset.LabelNames[0]}')")}: " +
                "every document shares it with every other, so each retrieved document counts as relevant and precision@K is " +
                "1.0 for any codes, even random ones. Retrieval metrics on it say nothing; evaluate on a corpus with at least two labels.");
        return warnings;
    }
}
