namespace Doc2Hash.Data;

/// <summary>
/// Which labels the preprocessing pipeline keeps: all of them, or the <see cref="TopK"/> most frequent (counted on
/// the training split; documents left without a label stay in the corpus and are never relevant).
/// </summary>
public sealed record LabelSelection(int? TopK)
{
    public static LabelSelection All { get; } = new((int?)null);

    public static LabelSelection MostFrequent(int k) =>
        k > 0 ? new LabelSelection(k) : throw new ArgumentOutOfRangeException(nameof(k), k, "Keep at least one label.");

    public override string ToString() => TopK is { } k ? $"top {k} labels" : "all labels";
}
