namespace Doc2Hash.Data.Preprocessing;

/// <summary>
/// What the document filters did to one raw split (train, or test before it is halved into validation and test):
/// how many documents were left after each step, and every document's length (kept-vocabulary tokens) before and
/// after the length filter, for histograms.
/// </summary>
/// <param name="Split">"train" or "test".</param>
/// <param name="RawDocuments">Documents as the corpus reader returned them.</param>
/// <param name="AfterLabelSelection">Left after dropping single-label documents whose label is not kept.</param>
/// <param name="WithinLength">Of those, the ones whose length is in <paramref name="Range"/>.</param>
/// <param name="Kept">Of those, the ones kept (multi-label data may also drop documents with no kept label).</param>
/// <param name="Range">The length filter applied.</param>
/// <param name="LengthsBeforeFilter">Length of every document after label selection, in corpus order.</param>
/// <param name="LengthsAfterFilter">Length of every kept document, in corpus order.</param>
public sealed record SplitFiltering(
    string Split,
    int RawDocuments,
    int AfterLabelSelection,
    int WithinLength,
    int Kept,
    DocumentLengthRange Range,
    IReadOnlyList<int> LengthsBeforeFilter,
    IReadOnlyList<int> LengthsAfterFilter)
{
    public int DroppedByLabelSelection => RawDocuments - AfterLabelSelection;

    /// <summary>Documents with at most <see cref="DocumentLengthRange.ExclusiveMinimum"/> tokens (empty ones included).</summary>
    public int DroppedTooShort => LengthsBeforeFilter.Count(l => l <= Range.ExclusiveMinimum);

    public int DroppedTooLong => LengthsBeforeFilter.Count(l => l > Range.InclusiveMaximum);

    public int DroppedWithoutKeptLabel => WithinLength - Kept;
}
